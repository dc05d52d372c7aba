// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceInfo } from '../../../lib/contract.ts';
import { ClientProvider, RpcCallError, type MemoryClient } from '../../../lib/transport/index.ts';
import { serviceInfo } from '../../../testing/fixtures.ts';
import { resetLookingGlassStore } from '../stores/lookingglass-store.ts';
import { sessionStorageKey } from '../stores/session-storage.ts';
import { lookingGlassClient, pluginInfo, taskDetail, taskSummary, TOKEN } from '../testing/fixtures.ts';
import { PluginsPane } from './PluginsPane.tsx';

afterEach(() => {
  cleanup();
  resetLookingGlassStore();
});

const running = serviceInfo('lookingglass', { title: 'Looking Glass', state: 'running' });

function renderPane(client: MemoryClient, service: ServiceInfo | null | undefined = running) {
  return render(
    <ClientProvider client={client}>
      <PluginsPane service={service} />
    </ClientProvider>,
  );
}

async function logIn(password = 'secret') {
  await userEvent.type(screen.getByLabelText('Username'), 'admin');
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

async function loggedIn(client: MemoryClient) {
  renderPane(client);
  await logIn();
  await screen.findByTestId('plugin-row-ping');
}

const lastCall = (client: MemoryClient, channel: string) => client.calls.filter((c) => c.channel === channel).at(-1)?.input;

describe('<PluginsPane>', () => {
  it('says plainly when Looking Glass is not running', () => {
    const client = lookingGlassClient();
    renderPane(client, serviceInfo('lookingglass', { title: 'Looking Glass', state: 'failed', error: 'port 5055 is in use' }));
    expect(screen.getByText('Looking Glass is not running.')).toBeTruthy();
    expect(screen.getByTestId('pane-service-state-lookingglass').textContent).toBe('failed');
    expect(screen.getByText('port 5055 is in use')).toBeTruthy();
    expect(screen.queryByLabelText('Username')).toBeNull();
    expect(client.calls).toHaveLength(0);
  });

  it('shows a refused login inline, then logs in, keeps the session and logs out', async () => {
    const client = lookingGlassClient();
    renderPane(client);
    await logIn('wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('incorrect password');
    expect(sessionStorage.getItem(sessionStorageKey)).toBeNull();

    await userEvent.clear(screen.getByLabelText('Password'));
    await userEvent.type(screen.getByLabelText('Password'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByTestId('plugin-row-ping')).toBeTruthy();
    expect(screen.getByText('admin')).toBeTruthy();
    expect(lastCall(client, 'lookingglass:login')).toEqual({ username: 'admin', password: 'secret' });
    expect(lastCall(client, 'lookingglass:plugins')).toEqual({ token: TOKEN });
    expect(sessionStorage.getItem(sessionStorageKey)).toContain(TOKEN);

    await userEvent.click(screen.getByRole('button', { name: 'Log out' }));
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(sessionStorage.getItem(sessionStorageKey)).toBeNull();
  });

  it('goes back to the login form with the message when the token is refused later', async () => {
    const client = lookingGlassClient({
      'lookingglass:setPluginEnabled': () => {
        throw new RpcCallError('lookingglass:setPluginEnabled', { code: 'UNAUTHORIZED', message: 'Token is expired' });
      },
    });
    await loggedIn(client);
    await userEvent.click(screen.getByRole('button', { name: 'Disable ping' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Token is expired');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
  });

  it('lists plugins with their status and toggles one with setPluginEnabled', async () => {
    const client = lookingGlassClient({
      'lookingglass:plugins': () => ({
        plugins: [
          pluginInfo('ping'),
          pluginInfo('traceroute', { enabled: false, available: false, detail: 'traceroute binary not found' }),
        ],
        failures: [{ name: 'broken', dir: '/plugins/broken', error: 'manifest.json is missing' }],
      }),
    });
    await loggedIn(client);
    const ping = screen.getByTestId('plugin-row-ping');
    expect(within(ping).getByText('ping does its check')).toBeTruthy();
    expect(within(ping).getByText('<host>')).toBeTruthy();
    expect(within(ping).getByText('enabled')).toBeTruthy();
    const traceroute = screen.getByTestId('plugin-row-traceroute');
    expect(within(traceroute).getByText('disabled')).toBeTruthy();
    expect(within(traceroute).getByText('unavailable: traceroute binary not found')).toBeTruthy();
    expect(screen.getByText('manifest.json is missing')).toBeTruthy();

    await userEvent.click(within(ping).getByRole('button', { name: 'Disable ping' }));
    expect(lastCall(client, 'lookingglass:setPluginEnabled')).toEqual({ token: TOKEN, name: 'ping', enabled: false });
    expect(await within(ping).findByRole('button', { name: 'Enable ping' })).toBeTruthy();
    expect(within(ping).getByText('disabled')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Rescan plugins' }));
    expect(lastCall(client, 'lookingglass:rescanPlugins')).toEqual({ token: TOKEN });
  });

  it('runs the chosen enabled plugin with the params split on whitespace, and shows a refusal inline', async () => {
    const client = lookingGlassClient({
      'lookingglass:execute': ({ plugin, params }) => {
        if (params.includes('bad')) throw new RpcCallError('lookingglass:execute', { code: 'INVALID_INPUT', message: 'invalid host: bad' });
        return taskSummary({ plugin, params, command: [plugin, ...params] });
      },
    });
    await loggedIn(client);
    const select = screen.getByLabelText('Plugin');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['ping', 'dns']);
    await userEvent.selectOptions(select, 'dns');
    expect(within(select.closest('form')!).getByText('<name> [type]')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Params'), '  example.com   AAAA ');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect(lastCall(client, 'lookingglass:execute')).toEqual({ token: TOKEN, plugin: 'dns', params: ['example.com', 'AAAA'] });
    expect(await screen.findByText('dns example.com AAAA')).toBeTruthy();

    await userEvent.clear(screen.getByLabelText('Params'));
    await userEvent.type(screen.getByLabelText('Params'), 'bad');
    await userEvent.click(screen.getByRole('button', { name: 'Run' }));
    expect((await screen.findByRole('alert')).textContent).toBe('invalid host: bad');
  });

  it('follows pushed task updates, streams output lines, then shows the full output of the finished task', async () => {
    const task = taskSummary({ plugin: 'ping', params: ['example.com'] });
    const client = lookingGlassClient({
      'lookingglass:task': ({ id }) =>
        taskDetail({ ...task, id, state: 'finished', exitCode: 0, startedAt: 1000, stoppedAt: 3500 }, ['PING 1', 'PING 2'], ['warn']),
    });
    await loggedIn(client);
    client.push('lookingglass:taskUpdated', { ...task, state: 'running', startedAt: Date.now() });
    expect((await screen.findByTestId(`task-state-${task.id}`)).textContent).toBe('running');

    const row = screen.getByTestId(`task-row-${task.id}`);
    await userEvent.click(within(row).getByRole('button', { name: /ping example\.com/ }));
    const output = screen.getByTestId(`task-output-${task.id}`);
    client.push('lookingglass:taskOutput', { taskId: task.id, stream: 'stdout', line: 'PING 1', at: Date.now() });
    expect(await within(output).findByText('PING 1')).toBeTruthy();

    client.push('lookingglass:taskUpdated', { ...task, state: 'finished', exitCode: 0, startedAt: 1000, stoppedAt: 3500 });
    expect(await within(output).findByText('warn')).toBeTruthy();
    expect(within(output).getByText('PING 2')).toBeTruthy();
    expect(lastCall(client, 'lookingglass:task')).toEqual({ token: TOKEN, id: task.id });
    expect(screen.getByTestId(`task-state-${task.id}`).textContent).toBe('finished');
    expect(within(row).getByText('2.5s')).toBeTruthy();
    expect(within(row).getByText('exit 0')).toBeTruthy();
  });

  it('cancels a running task with cancelTask', async () => {
    const task = taskSummary({ state: 'running', startedAt: Date.now() });
    const client = lookingGlassClient({
      'lookingglass:tasks': () => [task],
      'lookingglass:cancelTask': ({ id }) => ({ ...task, id, state: 'cancelled', stoppedAt: Date.now() }),
    });
    await loggedIn(client);
    const row = await screen.findByTestId(`task-row-${task.id}`);
    await userEvent.click(within(row).getByRole('button', { name: 'Cancel task ping' }));
    expect(lastCall(client, 'lookingglass:cancelTask')).toEqual({ token: TOKEN, id: task.id });
    expect(screen.getByTestId(`task-state-${task.id}`).textContent).toBe('cancelled');
    expect(within(row).queryByRole('button', { name: 'Cancel task ping' })).toBeNull();
  });

  it('adds and removes tags, and follows pushed tag changes', async () => {
    const client = lookingGlassClient();
    await loggedIn(client);
    expect(await screen.findByText('edge')).toBeTruthy();

    await userEvent.type(screen.getByLabelText('New tag'), 'core');
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(lastCall(client, 'lookingglass:addTag')).toEqual({ token: TOKEN, tag: 'core' });
    expect(await screen.findByText('core')).toBeTruthy();
    expect((screen.getByLabelText('New tag') as HTMLInputElement).value).toBe('');

    await userEvent.click(screen.getByRole('button', { name: 'Remove tag edge' }));
    expect(lastCall(client, 'lookingglass:removeTag')).toEqual({ token: TOKEN, tag: 'edge' });
    expect(screen.queryByText('edge')).toBeNull();

    client.push('lookingglass:tagsChanged', { tags: ['core', 'pushed'] });
    expect(await screen.findByRole('button', { name: 'Remove tag pushed' })).toBeTruthy();
  });
});
