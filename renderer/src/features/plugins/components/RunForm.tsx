import { useId, useMemo, useState, type FormEvent } from 'react';
import { InlineError } from '../../../components/InlineError.tsx';
import { runPlugin } from '../stores/actions.ts';
import { useLookingGlassStore } from '../stores/lookingglass-store.ts';

export function RunForm() {
  const plugins = useLookingGlassStore((s) => s.plugins);
  const pending = useLookingGlassStore((s) => Boolean(s.pending.run));
  const error = useLookingGlassStore((s) => s.errors.run);
  const enabled = useMemo(() => (plugins ?? []).filter((p) => p.enabled), [plugins]);
  const [selected, setSelected] = useState('');
  const [params, setParams] = useState('');
  const id = useId();
  // A plugin disabled meanwhile falls back to the first enabled one.
  const current = enabled.find((p) => p.name === selected) ?? enabled[0];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (current) void runPlugin(current.name, params);
  };

  return (
    <form className="pane-section" onSubmit={onSubmit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Run a plugin</h2>
      <div className="lg-run">
        <div className="lg-field">
          <label htmlFor={`${id}-plugin`}>Plugin</label>
          <select id={`${id}-plugin`} value={current?.name ?? ''} disabled={!current} onChange={(e) => setSelected(e.target.value)}>
            {enabled.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="lg-field lg-field--grow">
          <label htmlFor={`${id}-params`}>Params</label>
          <input
            id={`${id}-params`}
            value={params}
            onChange={(e) => setParams(e.target.value)}
            aria-describedby={`${id}-help`}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <button type="submit" className="lg-primary" disabled={!current || pending}>
          Run
        </button>
      </div>
      <p id={`${id}-help`} className="muted lg-run__help">
        {current ? (
          <>
            <strong>{current.name}</strong>: <code className="lg-help">{current.paramsHelp}</code>
          </>
        ) : plugins === null ? (
          'Loading plugins…'
        ) : (
          'No plugin is enabled: enable one above.'
        )}
      </p>
      {current && !current.available ? (
        <p className="lg-unavailable">
          {current.name} is unavailable{current.detail ? `: ${current.detail}` : ''}
        </p>
      ) : null}
      <InlineError message={error} />
    </form>
  );
}
