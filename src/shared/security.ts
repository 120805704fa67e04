/**
 * The Content-Security-Policy a meta tag can carry: index.html's (a test holds them equal), which
 * applies even before any header is read. No remote origins at all: the app works offline and
 * talks only to itself.
 */
export const META_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The one Content-Security-Policy for the UI, sent as a header by the Electron app's protocol and
 * the browser door: the meta tag's, plus frame-ancestors, which browsers honour only in a header
 * (in a meta tag it is ignored and logged as an error).
 */
export const CONTENT_SECURITY_POLICY = `${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
