import { createServer, connect, type Socket } from 'node:net';

export interface ThrottleOptions {
  targetPort: number;
  targetHost?: string;
  /** Link speed in each direction; unset = unthrottled. */
  bytesPerSecond?: number;
  /** One-way delay added to every chunk (a 300 ms round trip is 150 each way). */
  latencyMs?: number;
  /**
   * Probability that an HTTP response is cut mid-body (the connection is reset at a random byte of
   * that response's body). Decided per response, not per connection, so it happens with keep-alive.
   */
  resetProbability?: number;
  random?: () => number;
}

export interface ThrottleStats {
  bytesDown: number;
  bytesUp: number;
  connections: number;
  responses: number;
  resets: number;
}

/**
 * Finds where each HTTP/1.1 response starts and ends in the byte stream from the server, and picks
 * for each one whether (and at which absolute byte) the link dies. The registry always sends a
 * content-length (prepared bodies, no chunked streams); a response without one is cut in its head.
 */
function responseCutter(probability: number, random: () => number, onResponse: () => void) {
  let offset = 0;
  let head = '';
  let headStart = 0;
  let bodyLeft = 0;
  const cuts: number[] = [];
  return {
    cuts,
    /** Feeds the next chunk of server bytes; new cut points are appended to `cuts`. */
    scan(chunk: Buffer) {
      let i = 0;
      while (i < chunk.length) {
        if (bodyLeft > 0) {
          const take = Math.min(bodyLeft, chunk.length - i);
          bodyLeft -= take;
          i += take;
          continue;
        }
        if (head === '') headStart = offset + i;
        const end = chunk.indexOf('\r\n\r\n', i, 'latin1');
        const stop = end === -1 ? chunk.length : end + 4;
        head += chunk.toString('latin1', i, stop);
        i = stop;
        if (!head.endsWith('\r\n\r\n')) continue;
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        const bodyStart = offset + i;
        onResponse();
        if (random() < probability) {
          cuts.push(
            length > 0
              ? bodyStart + Math.floor(random() * length)
              : headStart + Math.floor(random() * head.length),
          );
        }
        bodyLeft = length;
        head = '';
      }
      offset += chunk.length;
    },
  };
}

/**
 * A TCP proxy on 127.0.0.1 that behaves like a poor link: limited bandwidth, added latency, some
 * responses cut mid-body. It also counts the bytes on the wire (headers included), so benchmarks
 * report what a real link would carry. `cut()` resets every open connection at once.
 */
export async function startThrottleProxy(options: ThrottleOptions) {
  const stats: ThrottleStats = { bytesDown: 0, bytesUp: 0, connections: 0, responses: 0, resets: 0 };
  const random = options.random ?? Math.random;
  const open = new Set<Socket>();

  /** `cutAt` (absolute byte offsets, ascending) says where the link dies in this direction. */
  const pipe = (
    from: Socket,
    to: Socket,
    count: (n: number) => void,
    cutter?: ReturnType<typeof responseCutter>,
  ) => {
    let nextFree = 0;
    let sent = 0;
    from.on('data', (chunk: Buffer) => {
      cutter?.scan(chunk);
      for (let offset = 0; offset < chunk.length; offset += 16 * 1024) {
        const piece = chunk.subarray(offset, offset + 16 * 1024);
        const now = Date.now();
        const start = Math.max(now + (options.latencyMs ?? 0), nextFree);
        const transmit = options.bytesPerSecond ? (piece.length / options.bytesPerSecond) * 1000 : 0;
        nextFree = start + transmit;
        const send = () => {
          if (to.destroyed) return;
          const cutAt = cutter?.cuts[0];
          if (cutAt !== undefined && cutAt < sent + piece.length) {
            // Deliver the bytes before the cut, then the link dies mid-response.
            const before = piece.subarray(0, Math.max(0, cutAt - sent));
            count(before.length);
            stats.resets++;
            const die = () => {
              from.resetAndDestroy();
              to.resetAndDestroy();
            };
            if (before.length > 0) to.write(before, die);
            else die();
            sent += piece.length;
            cutter?.cuts.splice(0);
            return;
          }
          sent += piece.length;
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
    pipe(client, upstream, (n) => (stats.bytesUp += n));
    pipe(
      upstream,
      client,
      (n) => (stats.bytesDown += n),
      responseCutter(options.resetProbability ?? 0, random, () => stats.responses++),
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
      stats.responses = 0;
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
