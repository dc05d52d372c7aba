import { useId, useState, type FormEvent } from 'react';
import { InlineError } from '../../../components/InlineError.tsx';
import { logIn, useLookingGlassStore } from '../stores/lookingglass-store.ts';

export function LoginForm() {
  const pending = useLookingGlassStore((s) => s.loginPending);
  const storeError = useLookingGlassStore((s) => s.loginError);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete = username.trim() === '' || password === '';
    setMissing(incomplete);
    if (!incomplete) void logIn(username.trim(), password);
  };
  const error = missing ? 'Enter a username and a password.' : storeError;

  return (
    <form className="pane-section lg-login" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>Log in to Looking Glass</h2>
      <div className="lg-field">
        <label htmlFor={`${id}-user`}>Username</label>
        <input id={`${id}-user`} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="lg-field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <button type="submit" className="lg-primary" disabled={pending}>
        Log in
      </button>
      <InlineError message={error} />
    </form>
  );
}
