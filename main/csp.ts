/**
 * The Content-Security-Policy of the desktop window. The page is loaded from file://, where no
 * response header can carry a policy, so the build writes it into out/renderer/index.html as a
 * <meta> tag (electron.vite.config.ts); main/security.ts also sets it as a header wherever Electron
 * lets it. Directives a <meta> policy ignores (frame-ancestors, report-uri, sandbox) are left out.
 *
 * Policies add up: a load must pass every one. The renderer's own <meta> policy (if any), this
 * one and, in the browser, the console server's header (services/server/security.ts) all apply.
 */
export const cspDirectives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  // The window itself talks over IPC only. The loopback WebSockets are for the same page served by
  // the headless console (its /events socket), where 'self' alone is not matched by every browser.
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
] as const;

export const contentSecurityPolicy: string = cspDirectives.join('; ');
