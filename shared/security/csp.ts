// The Content-Security-Policy for every page Herald serves, in Electron (app://
// protocol responses) and in the browser harness (HTTP responses). The
// renderer loads only its own bundled scripts and styles and talks only to
// its own origin; no inline script, no eval, no plugins, no frames.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
