import { answerUiRequest } from '../core/ui-files';
import { APP_HOST } from './trusted-origin';

/** Answers one app:// request: GET only, on our host only, files from the renderer folder (src/core/ui-files.ts). */
export function serveAppRequest(rendererDir: string, request: { method: string; url: string }): Response {
  if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const answer = answerUiRequest(rendererDir, url.pathname);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
