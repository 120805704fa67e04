import { describe, expect, it } from 'vitest';
import { MAX_EXCHANGE_CHARS, oversizeProblem, returnFileName } from '../../../src/shared/exchange/serialise';

describe('a return before it is saved', () => {
  it('is refused for download when import would refuse it for its size, saying what to do', () => {
    expect(oversizeProblem('x'.repeat(MAX_EXCHANGE_CHARS))).toBeNull();
    expect(oversizeProblem('x'.repeat(MAX_EXCHANGE_CHARS + 1))).toBe('This return would be 50.0 MB, over the 50 MB a return may be. Export one round at a time.');
  });

  it('is named after its board and round', () => {
    expect(returnFileName('NHS Łothian 2026/27')).toBe('nhs-lothian-2026-27-return.json');
  });
});
