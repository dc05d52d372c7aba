import { InlineError } from '../../../components/InlineError.tsx';
import type { PluginInfo } from '../../../lib/contract.ts';
import { setPluginEnabled } from '../stores/actions.ts';
import { useLookingGlassStore } from '../stores/lookingglass-store.ts';
import { Badge } from './Badge.tsx';

export function PluginRow({ plugin }: { plugin: PluginInfo }) {
  const { name, description, paramsHelp, enabled, available, detail } = plugin;
  const pending = useLookingGlassStore((s) => Boolean(s.pending[`plugin:${name}`]));
  const error = useLookingGlassStore((s) => s.errors[`plugin:${name}`]);
  return (
    <tr data-testid={`plugin-row-${name}`}>
      <th scope="row">
        <div className="lg-name">{name}</div>
        <div className="muted">{description}</div>
      </th>
      <td>
        <code className="lg-help">{paramsHelp}</code>
      </td>
      <td>
        <Badge tone={enabled ? 'ok' : 'neutral'}>{enabled ? 'enabled' : 'disabled'}</Badge>
        {available ? null : <div className="lg-unavailable">unavailable{detail ? `: ${detail}` : ''}</div>}
      </td>
      <td>
        <button
          type="button"
          aria-label={`${enabled ? 'Disable' : 'Enable'} ${name}`}
          disabled={pending}
          onClick={() => void setPluginEnabled(name, !enabled)}
        >
          {enabled ? 'Disable' : 'Enable'}
        </button>
        <InlineError message={error} />
      </td>
    </tr>
  );
}
