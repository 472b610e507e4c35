/**
 * The renderer's Content-Security-Policy, sent as a header by the app protocol.
 * Scripts only from the app; 'wasm-unsafe-eval' lets the argon2id password
 * verifier compile its WebAssembly (it allows no JavaScript eval); inline styles
 * allowed because printed-document previews carry their own <style>. `connect-src` adds the provincial server.
 */
export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "child-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
