import { execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateDemoDirectory } from '../../shared/directory/demo/generateDemoDirectory';
import type { PointOfContact } from '../../shared/directory/model';
import type { SessionStatement } from '../../shared/registry/protocol';
import type { SyncState } from '../../shared/sync/model';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FEED_PATHS, type FeedHead } from '../../shared/registry/feed';
import { RegistryClient } from '../../shared/sync/registryClient';
import { MemorySyncStore } from '../../shared/sync/store';
import { SyncEngine } from '../../shared/sync/syncEngine';
import { enrolPoc, nodeFetch, startRegistry } from '../support/registry-harness';
import { startThrottleProxy } from '../support/throttle-proxy';
import { median, type Figure } from './figure';

const RUNS = 3;
const DEGRADED_SIZE = 2_000;

/** A fresh engine over a store that has the enrolment but nothing applied (or `from` applied). */
function engineAt(
  url: string,
  enrolled: SyncState,
  sign: (s: unknown) => Promise<string>,
  from?: MemorySyncStore,
) {
  const store = from ?? new MemorySyncStore();
  if (!from) store.snapshot.state = { ...enrolled, lastSeq: 0, knownHead: 0, lastIssuedAt: undefined };
  return {
    store,
    engine: new SyncEngine({
      store,
      client: new RegistryClient({ baseUrl: url, fetch: nodeFetch, timeoutMs: 30_000 }),
      sign,
    }),
  };
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const registry = await startRegistry({ rateLimitPerMinute: 10_000_000 });
  try {
    const now = new Date('2026-03-01T00:00:00Z');
    const entries = generateDemoDirectory({ seed: 7, size: 10_000, now });
    registry.server.context.directory.importEntries(entries);
    await registry.server.context.feed.refresh();
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'));
    const enrolled = poc.store.snapshot.state!;

    // --- initial sync of 10,000 entries on loopback, through a counting (unthrottled) proxy ---
    const counter = await startThrottleProxy({ targetPort: Number(new URL(registry.url).port) });
    const times: number[] = [];
    let initialBytes = 0;
    let initialPages = 0;
    let synced: MemorySyncStore | null = null;
    for (let i = 0; i < RUNS; i++) {
      const { store, engine } = engineAt(counter.url, enrolled, poc.sign);
      await engine.pull(); // warms the session so the figure is the sync itself
      store.snapshot.state = { ...enrolled, lastSeq: 0, knownHead: 0 };
      store.snapshot.entries.clear();
      counter.reset();
      const start = performance.now();
      const result = await engine.pull();
      times.push((performance.now() - start) / 1000);
      initialBytes = counter.stats.bytesDown + counter.stats.bytesUp;
      initialPages = result.pages;
      synced = store;
    }
    figures.push(
      { name: 'sync.initial.10k.seconds', value: median(times), unit: 's', target: 5, better: 'lower' },
      { name: 'sync.initial.10k.bytes', value: initialBytes, unit: 'B', better: 'lower' },
      { name: 'sync.initial.10k.pages', value: initialPages, unit: 'pages', better: 'lower' },
    );

    // --- delta after 1 % changed ---
    const changed: PointOfContact[] = entries
      .filter((_, i) => i % 100 === 0)
      .map((e) => ({
        ...e,
        revision: e.revision + 1,
        text: { ...e.text, officeHours: '08:30–16:30 (changed)' },
      }));
    registry.server.context.directory.importEntries(changed);
    await registry.server.context.feed.refresh();
    const compressed = gzipSync(Buffer.from(JSON.stringify(changed))).length;
    const deltaBytes: number[] = [];
    const deltaTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const copy = new MemorySyncStore({
        state: structuredClone(synced!.snapshot.state),
        entries: new Map(synced!.snapshot.entries),
        outbox: new Map(),
        pings: new Map(),
      });
      const { engine } = engineAt(counter.url, enrolled, poc.sign, copy);
      await engine.refreshPings(); // opens the session outside the measured bytes
      counter.reset();
      const start = performance.now();
      await engine.pull();
      deltaTimes.push(performance.now() - start);
      deltaBytes.push(counter.stats.bytesDown + counter.stats.bytesUp);
    }
    const delta = median(deltaBytes);
    figures.push(
      {
        name: 'sync.delta.1pct.bytes',
        value: delta,
        unit: 'B',
        better: 'lower',
        note: `${changed.length} entries changed; gzip of them alone: ${compressed} B`,
      },
      { name: 'sync.delta.1pct.ms', value: median(deltaTimes), unit: 'ms', better: 'lower' },
      {
        name: 'sync.delta.bytes_ratio',
        value: Math.round(((delta - 2048) / compressed) * 100) / 100,
        unit: '×',
        target: 1.3,
        better: 'lower',
        note: '(wire bytes − 2 KB) ÷ gzip size of the changed entries',
      },
    );
    await counter.close();

    // --- degraded link: 256 kbit/s, 300 ms round trip, 2 % of connections reset ---
    figures.push(...(await degraded(poc.sign)));

    // --- "nothing new": the signed head, served from memory ---
    const state = poc.store.snapshot.state!;
    const challenge = await poc.client.challenge(state.accountId);
    const statement: SessionStatement = {
      purpose: 'session',
      registry: state.registryFingerprint,
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
    };
    const { token } = await poc.client.session(statement, await poc.sign(statement));
    const headers = { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' };
    const result = await loadFromOutside(`${registry.url}${FEED_PATHS.head}`, headers, 8);
    figures.push(
      {
        name: 'registry.nothing_new.rps',
        value: result.rps,
        unit: 'req/s',
        target: 2000,
        better: 'higher',
        note: `non-2xx: ${result.non2xx}; registry CPU ${result.serverCpuUs} µs per request`,
      },
      {
        name: 'registry.nothing_new.p99_ms',
        value: result.p99,
        unit: 'ms',
        target: 25,
        better: 'lower',
      },
    );

    // --- issue 14: the first full 500-entry chunk, signed and gzipped once, served from memory ---
    const chunkUrl = `${registry.url}${FEED_PATHS.chunk({ from: 0, until: 500 })}`;
    const full = await loadFromOutside(chunkUrl, headers, 10);
    const chunkFile = registry.server.context.feed.chunkFile('0-500.json');
    if (!chunkFile) throw new Error('the registry has no first chunk');
    const gzipBytes = chunkFile.gzip.length;
    // The floor in the same run: the same client against the least a server can do (the same bytes
    // and headers from a bare node:http handler in this process, no routing, no auth, no logging).
    const bare = await startBareServer(chunkFile.gzip, chunkFile.etag);
    const floor = await loadFromOutside(bare.url, headers, 10);
    await bare.close();
    figures.push(
      {
        name: 'registry.page.full.rps',
        value: full.rps,
        unit: 'req/s',
        target: 1000,
        better: 'higher',
        note: `non-2xx: ${full.non2xx}; ${Math.round(gzipBytes / 1024)} KiB gzip per answer, ${full.mbPerSecond} MB/s; autocannon on ${LOAD_WORKERS} thread(s); registry CPU ${full.serverCpuUs} µs per answer (≈ ${Math.round(1e6 / Math.max(1, full.serverCpuUs))} answers per second per registry core)`,
      },
      { name: 'registry.page.full.p99_ms', value: full.p99, unit: 'ms', target: 50, better: 'lower' },
      {
        name: 'registry.page.full.vs_bare',
        value: Math.round((full.rps / Math.max(1, floor.rps)) * 100) / 100,
        unit: '×',
        better: 'higher',
        note: `registry ÷ a bare node:http server answering the same ${Math.round(gzipBytes / 1024)} KiB with the same headers, same client, same run: ${full.rps} ÷ ${floor.rps} req/s (bare p99 ${floor.p99} ms); near 1 means the client, not the registry, is the bound`,
      },
      {
        name: 'registry.page.full.cpu_us',
        value: full.serverCpuUs,
        unit: 'µs/req',
        better: 'lower',
        note: 'registry process CPU (user + system) per chunk answer during the run',
      },
    );

    // The same chunk from wrk (a load generator in C), where the machine has it: what the registry
    // serves when the client does not take most of the two cores.
    const byWrk = await wrkRun(chunkUrl, headers, 10);
    if (byWrk)
      figures.push(
        {
          name: 'registry.page.full.wrk.rps',
          value: byWrk.rps,
          unit: 'req/s',
          better: 'higher',
          note: `wrk, 2 threads, 16 connections, 10 s, same chunk and headers (${byWrk.transfer}/s of answers, all 2xx); registry CPU ${byWrk.serverCpuUs} µs per answer`,
        },
        { name: 'registry.page.full.wrk.p99_ms', value: byWrk.p99, unit: 'ms', better: 'lower' },
      );
    else console.log('  registry.page.full.wrk: skipped, wrk is not installed (apt-get install wrk)');

    // --- /v1/health while 50 clients make their initial sync at once ---
    const feedHead = registry.server.context.feed.head?.head;
    if (!feedHead) throw new Error('the registry has no feed head');
    figures.push(await healthDuringBurst(registry.url, headers, feedHead));
  } finally {
    await registry.stop();
  }
  return figures;
}

const execFileAsync = promisify(execFile);
const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon');
const LOAD_WORKERS = Math.min(2, availableParallelism());

/**
 * autocannon (16 connections) in its own process, as the issue measured "from outside": in this
 * process its client would share the registry's event loop, and it decodes every answer body to a
 * string (~45 MB/s of gzip bytes on a slow core), which then bounds the figure, not the registry.
 * One autocannon thread tops out near 90 MB/s here (about 780 full chunks a second) while the
 * registry uses a tenth of a core: the load generator, not the server, was the bound. So it fires
 * from one worker thread per core (`--workers`), still 16 connections in all. A warm-up run first.
 * Also the registry process's CPU time per answer (this process is the registry), which bounds
 * what one registry core can serve whatever the client. The figure the issue names stays
 * autocannon's; wrk (wrkRun), where installed, measures the same chunk beside it with a client that
 * leaves the registry its share of the two cores.
 */
async function loadFromOutside(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<{ rps: number; p99: number; non2xx: number; serverCpuUs: number; mbPerSecond: number }> {
  const args = (duration: number) => [
    AUTOCANNON_CLI,
    '--json',
    '--connections',
    '16',
    ...(LOAD_WORKERS > 1 ? ['--workers', String(LOAD_WORKERS)] : []),
    '--duration',
    String(duration),
    ...Object.entries(headers).flatMap(([name, value]) => ['--headers', `${name}=${value}`]),
    url,
  ];
  await execFileAsync(process.execPath, args(2), { maxBuffer: 64 * 1024 * 1024 });
  const cpu = process.cpuUsage();
  const { stdout } = await execFileAsync(process.execPath, args(seconds), { maxBuffer: 64 * 1024 * 1024 });
  const used = process.cpuUsage(cpu);
  const result = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p99: number };
    throughput: { average: number };
    non2xx: number;
  };
  return {
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    non2xx: result.non2xx,
    serverCpuUs: Math.round((used.user + used.system) / Math.max(1, result.requests.total)),
    mbPerSecond: Math.round(result.throughput.average / 1e5) / 10,
  };
}

/** A bare HTTP server that answers every request with `gzip` as the registry answers a chunk. */
async function startBareServer(
  gzip: Uint8Array,
  etag: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'gzip',
      'content-length': gzip.length,
      etag,
      'cache-control': 'private, max-age=31536000, immutable',
      vary: 'accept-encoding',
    });
    response.end(gzip);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/feed/chunks/0-500.json`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const BURST_CLIENTS = fileURLToPath(new URL('./support/burstClients.ts', import.meta.url));

/**
 * p99 of /v1/health, polled every 10 ms, while 50 clients fetch the head and every chunk of the
 * 10,000-entry feed at once (what the registry sees of 50 initial syncs). The clients run in a
 * process of their own (support/burstClients.ts): in this process, which is the registry, draining
 * their 120 MB of answers would hold up its event loop and the figure would time our own client.
 */
async function healthDuringBurst(
  url: string,
  headers: Record<string, string>,
  head: FeedHead,
): Promise<Figure> {
  const paths = [FEED_PATHS.head, ...head.chunks.map((ref) => FEED_PATHS.chunk(ref))];
  const burst = { base: url, headers, paths, clients: 50 };
  const child = spawn(process.execPath, ['--import', 'tsx', BURST_CLIENTS, JSON.stringify(burst)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  let markStarted: () => void = () => undefined;
  const begun = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout.on('data', (data: Buffer) => {
    stdout += data.toString();
    if (stdout.includes('start\n')) markStarted();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markStarted(); // a child that died before starting ends the wait too
      resolve(code);
    });
  });
  await begun;
  const started = performance.now();
  let burstDone = false;
  void exited.then(() => (burstDone = true));
  const latencies: number[] = [];
  while (!burstDone) {
    const start = performance.now();
    await (await fetch(`${url}/v1/health`)).text();
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const burstSeconds = (performance.now() - started) / 1000;
  if ((await exited) !== 0) throw new Error(`the burst clients failed: ${stdout}`);
  const outcome = JSON.parse(stdout.slice(stdout.indexOf('start\n') + 6)) as {
    requests: number;
    failed: number;
  };
  if (outcome.failed) throw new Error(`${outcome.failed} of ${outcome.requests} burst requests failed`);
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
  return {
    name: 'registry.health.p99_ms',
    value: Math.round(p99 * 10) / 10,
    unit: 'ms',
    target: 100,
    better: 'lower',
    note: `${latencies.length} health requests (median ${Math.round((latencies[Math.floor(latencies.length / 2)] ?? 0) * 10) / 10} ms) while 50 clients in another process fetched head + ${head.chunks.length} chunks each (${outcome.requests} answers in ${burstSeconds.toFixed(1)} s)`,
  };
}

/**
 * The degraded link: 256 kbit/s, 300 ms round trip, and a share of the HTTP responses cut mid-body
 * (the proxy decides per response, so cuts happen on kept-alive connections too). The run at 2 % is
 * the issue's link, cut once more by hand at 50 %; a sync of ~10 requests often meets no random
 * cut at 2 %, so a second run at 20 % shows convergence when cuts are frequent.
 */
async function degraded(sign: (s: unknown) => Promise<string>): Promise<Figure[]> {
  void sign;
  return [
    ...(await degradedRun({
      label: '2k',
      size: DEGRADED_SIZE,
      resetProbability: 0.02,
      cutAtHalf: true,
      seed: 42,
      chunkSize: 250,
    })),
    ...(await degradedRun({
      label: 'stress20pct.1k',
      size: 1_000,
      resetProbability: 0.2,
      cutAtHalf: false,
      seed: 7,
      chunkSize: 100,
    })),
  ];
}

async function degradedRun(run: {
  label: string;
  size: number;
  resetProbability: number;
  cutAtHalf: boolean;
  seed: number;
  chunkSize: number;
}): Promise<Figure[]> {
  const registry = await startRegistry({ rateLimitPerMinute: 10_000_000, chunkSize: run.chunkSize });
  try {
    registry.server.context.directory.importEntries(
      generateDemoDirectory({ seed: 11, size: run.size, now: new Date('2026-03-01T00:00:00Z') }),
    );
    await registry.server.context.feed.refresh();
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'));
    const enrolled = poc.store.snapshot.state!;
    let seed = run.seed;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const proxy = await startThrottleProxy({
      targetPort: Number(new URL(registry.url).port),
      bytesPerSecond: 256_000 / 8,
      latencyMs: 150,
      resetProbability: run.resetProbability,
      random,
    });
    const store = new MemorySyncStore();
    store.snapshot.state = { ...enrolled, lastSeq: 0, knownHead: 0 };
    /** Each page request with the sequence applied when it was made: a request below it would refetch. */
    const requested: { since: number; applied: number }[] = [];
    const client = new RegistryClient({
      baseUrl: proxy.url,
      timeoutMs: 120_000,
      fetch: (url, init) => {
        const since = /chunks\/(\d+)-/.exec(url)?.[1];
        if (since) requested.push({ since: Number(since), applied: store.snapshot.state?.lastSeq ?? 0 });
        return nodeFetch(url, init);
      },
    });
    const engine = new SyncEngine({ store, client, sign: poc.sign });
    const start = performance.now();
    let attempts = 0;
    let cutDone = !run.cutAtHalf;
    for (;;) {
      attempts++;
      const cutTimer = cutDone
        ? null
        : setInterval(() => {
            if (!cutDone && (store.snapshot.state?.lastSeq ?? 0) >= run.size / 2) {
              cutDone = true;
              proxy.cut();
            }
          }, 20);
      try {
        const result = await engine.pull();
        if (result.lastSeq >= run.size) break;
      } catch {
        // a cut answer: resume from the last applied page
      } finally {
        if (cutTimer) clearInterval(cutTimer);
      }
      if (attempts > 200) throw new Error(`degraded sync (${run.label}) did not converge`);
    }
    const seconds = (performance.now() - start) / 1000;
    if (store.snapshot.entries.size !== run.size)
      throw new Error(`degraded sync (${run.label}) ended with ${store.snapshot.entries.size} entries`);
    const refetched = requested.filter((r) => r.since < r.applied).length;
    const name = `sync.degraded.${run.label}`;
    const cuts = `${proxy.stats.resets} of ${proxy.stats.responses} responses cut on ${proxy.stats.connections} connections`;
    const figures: Figure[] = [
      {
        name: `${name}.seconds`,
        value: Math.round(seconds * 10) / 10,
        unit: 's',
        better: 'lower',
        note: `${run.size} entries, 256 kbit/s, 300 ms RTT, ${run.resetProbability * 100} % of responses cut mid-body (${cuts}), chunks of ${run.chunkSize}${run.cutAtHalf ? ', cut once more at 50 %' : ''}`,
      },
      {
        name: `${name}.bytes`,
        value: proxy.stats.bytesDown + proxy.stats.bytesUp,
        unit: 'B',
        better: 'lower',
      },
      { name: `${name}.attempts`, value: attempts, unit: 'runs', better: 'lower' },
      {
        name: `${name}.refetched_pages`,
        value: refetched,
        unit: 'pages',
        target: 0,
        better: 'lower',
        note: 'page requests below the applied sequence (resume after a cut)',
      },
    ];
    await proxy.close();
    return figures;
  } finally {
    await registry.stop();
  }
}

/** wrk's own figures for `url`, or null when wrk is not on this machine. A warm-up run first. */
async function wrkRun(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<{ rps: number; p99: number; serverCpuUs: number; transfer: string } | null> {
  const args = (duration: number) => [
    '--threads',
    '2',
    '--connections',
    '16',
    '--duration',
    `${duration}s`,
    '--latency',
    ...Object.entries(headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
    url,
  ];
  try {
    await execFileAsync('wrk', args(2));
  } catch {
    return null;
  }
  const cpu = process.cpuUsage();
  const { stdout } = await execFileAsync('wrk', args(seconds));
  const used = process.cpuUsage(cpu);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const total = Number(/(\d+) requests in/.exec(stdout)?.[1]);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout);
  const transfer = /Transfer\/sec:\s+(\S+)/.exec(stdout)?.[1] ?? '?';
  if (!Number.isFinite(rps) || !p99 || non2xx) throw new Error(`wrk: unexpected output\n${stdout}`);
  const scale = p99[2] === 'us' ? 1e-3 : p99[2] === 's' ? 1e3 : 1;
  return {
    rps: Math.round(rps),
    p99: Math.round(Number(p99[1]) * scale * 10) / 10,
    serverCpuUs: Math.round((used.user + used.system) / Math.max(1, total)),
    transfer,
  };
}
