import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeSetting, type SettingKey } from './settings.ts';

export class PortInUseError extends Error {
  readonly port: number;
  readonly setting: SettingKey | null;

  constructor(port: number, setting: SettingKey | null) {
    super(`port ${port} is already in use${setting ? `; change it with ${describeSetting(setting)}` : ''}`);
    this.name = 'PortInUseError';
    this.port = port;
    this.setting = setting;
  }
}

export interface Listening {
  address: AddressInfo;
  url: string;
  close(): Promise<void>;
}

/** Listens and reports the real address (port 0 in tests); a taken port names the setting to change. */
export function listen(
  server: Server,
  host: string,
  port: number,
  setting: SettingKey | null,
  opts: { reusePort?: boolean } = {},
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port, setting) : err);
    };
    server.once('error', onError);
    server.listen({ port, host, reusePort: opts.reusePort ?? false }, () => {
      server.off('error', onError);
      const address = server.address() as AddressInfo;
      const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        address,
        url: `http://${urlHost}:${address.port}`,
        close: () => closeServer(server),
      });
    });
  });
}

/** Stops accepting, lets in-flight requests finish, then drops idle keep-alive sockets. */
export function closeServer(server: Server, graceMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}
