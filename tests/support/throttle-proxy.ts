import { createServer, connect, type Socket } from 'node:net';

export interface ThrottleOptions {
  targetPort: number;
  targetHost?: string;
  /** Link speed in each direction; unset = unthrottled. */
  bytesPerSecond?: number;
  /** One-way delay added to every chunk (a 300 ms round trip is 150 each way). */
  latencyMs?: number;
  /** Probability that a new connection is reset part-way through. */
  resetProbability?: number;
  random?: () => number;
}

export interface ThrottleStats {
  bytesDown: number;
  bytesUp: number;
  connections: number;
  resets: number;
}

/**
 * A TCP proxy on 127.0.0.1 that behaves like a poor link: limited bandwidth, added latency, some
 * connections reset mid-way. It also counts the bytes on the wire (headers included), so benchmarks
 * report what a real link would carry. `cut()` resets every open connection at once.
 */
export async function startThrottleProxy(options: ThrottleOptions) {
  const stats: ThrottleStats = { bytesDown: 0, bytesUp: 0, connections: 0, resets: 0 };
  const random = options.random ?? Math.random;
  const open = new Set<Socket>();

  const pipe = (from: Socket, to: Socket, count: (n: number) => void, shouldReset: () => boolean) => {
    let nextFree = 0;
    from.on('data', (chunk: Buffer) => {
      for (let offset = 0; offset < chunk.length; offset += 16 * 1024) {
        const piece = chunk.subarray(offset, offset + 16 * 1024);
        const now = Date.now();
        const start = Math.max(now + (options.latencyMs ?? 0), nextFree);
        const transmit = options.bytesPerSecond ? (piece.length / options.bytesPerSecond) * 1000 : 0;
        nextFree = start + transmit;
        const send = () => {
          if (to.destroyed) return;
          if (shouldReset()) {
            stats.resets++;
            from.resetAndDestroy();
            to.resetAndDestroy();
            return;
          }
          count(piece.length);
          to.write(piece);
        };
        const delay = nextFree - now;
        if (delay <= 0) send();
        else setTimeout(send, delay);
      }
    });
    from.on('end', () => setTimeout(() => to.end(), Math.max(0, nextFree - Date.now())));
    from.on('error', () => to.destroy());
  };

  const server = createServer((client) => {
    stats.connections++;
    const upstream = connect(options.targetPort, options.targetHost ?? '127.0.0.1');
    open.add(client);
    client.on('close', () => open.delete(client));
    // A doomed connection is reset after a random amount of the answer has passed.
    const doomed = random() < (options.resetProbability ?? 0);
    const resetAfter = Math.floor(random() * 64 * 1024);
    let down = 0;
    pipe(client, upstream, (n) => (stats.bytesUp += n), () => false);
    pipe(
      upstream,
      client,
      (n) => {
        stats.bytesDown += n;
        down += n;
      },
      () => doomed && down >= resetAfter,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    reset() {
      stats.bytesDown = 0;
      stats.bytesUp = 0;
      stats.connections = 0;
      stats.resets = 0;
    },
    cut() {
      for (const socket of open) socket.resetAndDestroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
