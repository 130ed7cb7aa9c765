/**
 * Test helper: a TCP relay between a client and a PostgreSQL server that, once the client's bytes
 * match a condition (e.g. a COPY of a given source has begun), holds every later byte the client
 * sends. The server then waits in the middle of that statement for as long as the test likes,
 * which pins a fault (the server stopped, the connection lost) to an exact moment of the protocol
 * without any timing: the relay says when the moment has come. Server-to-client bytes always pass,
 * and a side that closes closes the other.
 */
import { createServer, connect, type Socket } from 'node:net';

/** A running relay. */
export interface HoldingProxy {
  /** The port of 127.0.0.1 to point the client at. */
  port: number;
  /** Resolves when the client's bytes first matched: from then on they are held. */
  holding: Promise<void>;
  /** Stops listening and closes every relayed connection. */
  close(): Promise<void>;
}

/** Characters of the previous chunk `matches` sees again, so a word split between chunks is seen whole. */
const OVERLAP = 256;

/**
 * Relays 127.0.0.1:<free port> to `target` (host and port). `matches` is called with the text
 * (latin1) of each chunk the client sends, preceded by the last OVERLAP characters of the chunk
 * before on that connection, and says whether to hold from here on (it may keep state across
 * calls): the chunk that matches is still passed on, later ones of every connection are not
 * (they are dropped: the server is about to fail anyway).
 */
export async function startHoldingProxy(target: { host: string; port: number }, matches: (text: string) => boolean): Promise<HoldingProxy> {
  let hold!: () => void;
  const holding = new Promise<void>((resolve) => (hold = resolve));
  let held = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    let tail = '';
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('data', (chunk: Buffer) => {
      if (held) return;
      upstream.write(chunk);
      const text = tail + chunk.toString('latin1');
      tail = text.slice(-OVERLAP);
      if (matches(text)) {
        held = true;
        hold();
      }
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return { port, holding, close };
}
