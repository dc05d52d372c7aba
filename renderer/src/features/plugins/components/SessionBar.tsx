import { logOut } from '../stores/lookingglass-store.ts';

export function SessionBar({ username }: { username: string }) {
  return (
    <div className="pane-section lg-session">
      <span>
        Logged in to Looking Glass as <strong>{username}</strong>
      </span>
      <button type="button" onClick={logOut}>
        Log out
      </button>
    </div>
  );
}
