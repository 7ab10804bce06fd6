// The console served for a cluster exactly as `npm start` serves it (same server, same proxies, same
// personas from the demo district), on a free port, with its log beside the services' logs.
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { LoopCluster } from '@loop/testing';
// The console server and the personas are the start tooling's; the tests start the console the same way.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { consolePersonas } from '../../../tools/start/console-personas';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ConsoleServer } from '../../../tools/start/console-server';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { generateDemoDistrictFacts } from '../../../tools/start/demo-district';

/** The personas the picker offers, as `npm start` computes them. */
export const personas = consolePersonas(generateDemoDistrictFacts());

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Serves the built console in front of the cluster's services and token issuer. */
export async function startConsoleFor(cluster: LoopCluster): Promise<ConsoleServer> {
  return ConsoleServer.start({
    port: await freePort(),
    upstreams: {
      requests: cluster.url('requests'),
      dispatch: cluster.url('dispatch'),
      volunteerHours: cluster.url('volunteer-hours'),
      notifications: cluster.url('notifications'),
      devIssuer: cluster.issuer.url,
    },
    personas,
    logFile: join(cluster.logDir, 'console.log'),
  });
}
