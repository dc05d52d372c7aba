import { useEffect, type ReactNode } from 'react';
import { ClientProvider, type ConsoleClient } from '../lib/transport/index.ts';
import { connectServicesStore } from '../features/overview/index.ts';

/** The transport for components, and the module-level stores bound to it for the app's lifetime. */
export function AppProviders({ client, children }: { client: ConsoleClient; children: ReactNode }) {
  useEffect(() => connectServicesStore(client), [client]);
  return <ClientProvider client={client}>{children}</ClientProvider>;
}
