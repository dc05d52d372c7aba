import { useEffect } from 'react';
import { InlineError } from '../../../components/InlineError.tsx';
import { useClient } from '../../../lib/transport/index.ts';
import { loadAppInfo, useAppInfoStore } from '../stores/app-info-store.ts';

export function AppInfoPanel() {
  const client = useClient();
  const info = useAppInfoStore((s) => s.info);
  const error = useAppInfoStore((s) => s.error);
  useEffect(() => {
    void loadAppInfo(client);
  }, [client]);

  if (error && !info) return <InlineError message={error} />;
  if (!info) return <p className="muted">Loading…</p>;
  return (
    <dl className="app-info">
      <dt>Version</dt>
      <dd>{info.version}</dd>
      <dt>Node.js</dt>
      <dd>{info.node}</dd>
      <dt>Mode</dt>
      <dd>{info.mode === 'electron' ? 'desktop (Electron)' : 'web (headless server)'}</dd>
      <dt>Data folder</dt>
      <dd>
        <code>{info.dataDir}</code>
      </dd>
      {info.consoleUrl ? (
        <>
          <dt>Console URL</dt>
          <dd>
            <code>{info.consoleUrl}</code>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
