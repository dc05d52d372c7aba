import { DataTable } from '../../../components/DataTable.tsx';
import { rescanPlugins } from '../stores/actions.ts';
import { useLookingGlassStore } from '../stores/lookingglass-store.ts';
import { PluginRow } from './PluginRow.tsx';

export function PluginsTable() {
  const plugins = useLookingGlassStore((s) => s.plugins);
  const failures = useLookingGlassStore((s) => s.failures);
  const loadError = useLookingGlassStore((s) => s.loadErrors.plugins);
  const rescanning = useLookingGlassStore((s) => Boolean(s.pending.rescan));
  const rescanError = useLookingGlassStore((s) => s.errors.rescan);
  return (
    <section className="pane-section" aria-labelledby="lg-plugins-title">
      <div className="lg-section-head">
        <h2 id="lg-plugins-title">Plugins</h2>
        <button type="button" disabled={rescanning} onClick={() => void rescanPlugins()}>
          Rescan plugins
        </button>
      </div>
      {loadError || rescanError ? (
        <p role="alert" className="alert">
          {loadError ?? rescanError}
        </p>
      ) : null}
      {plugins === null ? (
        loadError ? null : (
          <p className="muted">Loading plugins…</p>
        )
      ) : plugins.length === 0 ? (
        <p className="muted">No plugins found.</p>
      ) : (
        <DataTable columns={['Plugin', 'Params', 'Status', 'Action']}>
          {plugins.map((plugin) => (
            <PluginRow key={plugin.name} plugin={plugin} />
          ))}
        </DataTable>
      )}
      {failures.length > 0 ? (
        <div className="lg-failures">
          <h3>Could not load</h3>
          <ul>
            {failures.map((f) => (
              <li key={`${f.dir}/${f.name}`}>
                <code>{f.name}</code> <span className="muted">({f.dir})</span>: <span className="alert">{f.error}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
