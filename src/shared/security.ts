/**
 * The one Content-Security-Policy for the UI, in the Electron app (protocol header) and the
 * browser door (HTTP header); index.html carries the same policy in a meta tag, checked by a test.
 * No remote origins at all: the app works offline and talks only to itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
