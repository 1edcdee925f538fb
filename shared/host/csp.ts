/**
 * The one Content-Security-Policy of the app. Electron sends it as a response header for every
 * app:// document; the web build puts it in a <meta> tag (where frame-ancestors is not allowed).
 * 'wasm-unsafe-eval' is for the Argon2id WebAssembly module (hash-wasm); nothing else is relaxed.
 * connect-src allows https registries and a registry on this machine (the demo and the tests).
 */
export function contentSecurityPolicy(options: { forMeta?: boolean } = {}): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ];
  if (!options.forMeta) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
