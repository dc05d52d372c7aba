/** Web mode without a token: nothing can be called, so say how to get in. */
export function TokenMissing() {
  return (
    <main className="token-missing">
      <h1>Observatory needs its access token</h1>
      <p>
        Open the URL printed by <code>npm run serve</code>, it carries the access token.
      </p>
      <p className="muted">
        It looks like <code>http://127.0.0.1:7070/#token=…</code>. The token stays in this tab only.
      </p>
    </main>
  );
}
