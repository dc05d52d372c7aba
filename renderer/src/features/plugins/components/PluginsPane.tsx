import { useEffect } from 'react';
import type { ServiceInfo } from '../../../lib/contract.ts';
import { Pane } from '../../../components/Pane.tsx';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { useClient } from '../../../lib/transport/index.ts';
import { connectLookingGlass, useLookingGlassStore } from '../stores/lookingglass-store.ts';
import { LoginForm } from './LoginForm.tsx';
import { PluginsTable } from './PluginsTable.tsx';
import { RunForm } from './RunForm.tsx';
import { SessionBar } from './SessionBar.tsx';
import { TagsEditor } from './TagsEditor.tsx';
import { TaskList } from './TaskList.tsx';
import './plugins.css';

interface Props {
  /** The Looking Glass service, live from the app layer; undefined until the first list, null if there is none. */
  service: ServiceInfo | null | undefined;
}

/** The Looking Glass console: login, plugins, tasks with live output, tags. */
export function PluginsPane({ service }: Props) {
  return (
    <Pane title="Plugins" lead={service?.description ?? 'Looking Glass: network diagnostics as tasks.'}>
      {service?.state === 'running' ? <LookingGlassConsole /> : <NotRunning service={service} />}
    </Pane>
  );
}

function NotRunning({ service }: Props) {
  if (service === undefined) return <p className="muted">Loading the service state…</p>;
  if (service === null) return <p className="pane-note">Looking Glass is not part of this console.</p>;
  return (
    <div className="pane-section">
      <p className="pane-note">Looking Glass is not running.</p>
      <p>
        {service.title} is <StateBadge state={service.state} testId={`pane-service-state-${service.name}`} />
        {service.built ? (
          <span className="muted"> Start it from the Overview pane.</span>
        ) : (
          <span className="muted"> (the service is not built yet)</span>
        )}
      </p>
      {service.error ? <p className="alert">{service.error}</p> : null}
    </div>
  );
}

/** Mounted only while the service runs: that is when the store listens and fetches. */
function LookingGlassConsole() {
  const client = useClient();
  useEffect(() => connectLookingGlass(client), [client]);
  const session = useLookingGlassStore((s) => s.session);
  if (!session) return <LoginForm />;
  return (
    <>
      <SessionBar username={session.username} />
      <PluginsTable />
      <RunForm />
      <TaskList />
      <TagsEditor />
    </>
  );
}
