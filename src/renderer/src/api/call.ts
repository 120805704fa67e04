import { contract, type Input, type Operation, type Output } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { ApiError } from './api-error';

/**
 * Runs one contract operation: through the Electron bridge when the app runs in Electron,
 * otherwise over HTTP to the web door. Resolves with the operation's output or throws an ApiError.
 */
export async function call<O extends Operation>(operation: O, input: Input<O>): Promise<Output<O>> {
  const result = window.bridge ? await window.bridge.invoke(operation, input) : await post(operation, input);
  if (!result.ok) throw ApiError.fromBody(result.error);
  // The door parsed the input; parsing the output too means a drift between UI and core fails
  // here, loudly, instead of showing wrong figures.
  const parsed = contract[operation].output.safeParse(result.data);
  if (!parsed.success) {
    throw new ApiError({ code: 'BAD_RESPONSE', message: `The app answered ${operation} in an unexpected shape. Restart the app; if it keeps happening, report it.` });
  }
  return parsed.data as Output<O>;
}

async function post(operation: Operation, input: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError({
      code: 'UNREACHABLE',
      message: 'The app’s local server did not answer. Check it is still running, then try again.',
    });
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as Result<unknown>;
  } catch {
    throw new ApiError({
      code: 'BAD_RESPONSE',
      message: `The app’s local server gave an unexpected answer (HTTP ${response.status}). Try again.`,
    });
  }
}
