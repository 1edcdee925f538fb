import { get } from 'node:http';

/**
 * 50 clients making their initial sync at once, as the registry sees it: each fetches the feed head,
 * then every chunk in turn, draining the bodies without decompressing them (verification runs on
 * the clients' machines). Run in a process of its own (registry.bench.ts, healthDuringBurst), so
 * that its work on the 120 MB of answers does not share the registry's event loop.
 * Usage: node --import tsx burstClients.ts '{"base","headers","paths","clients"}'; prints a line
 * `start` when the requests begin, then one line of JSON with the outcome.
 */
interface Burst {
  base: string;
  headers: Record<string, string>;
  paths: string[];
  clients: number;
}

function drain(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

const burst = JSON.parse(process.argv[2] ?? '{}') as Burst;
process.stdout.write('start\n'); // the parent times the burst from here, not from process start
const statuses = await Promise.all(
  Array.from({ length: burst.clients }, async () => {
    const seen: number[] = [];
    for (const path of burst.paths) seen.push(await drain(`${burst.base}${path}`, burst.headers));
    return seen;
  }),
);
const failed = statuses.flat().filter((status) => status !== 200).length;
process.stdout.write(JSON.stringify({ requests: statuses.flat().length, failed }));
