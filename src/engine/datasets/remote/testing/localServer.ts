/**
 * A local HTTP server (node:http) for the tests of web datasets, which never reach the network:
 * each path serves bytes the way a host, or a failing line, would. CORS headers are always sent,
 * so a page from another origin (the e2e build) may fetch from it.
 *   plain        Content-Length and the whole body (in writes of `chunkBytes`, `delayMs` apart: a slow line)
 *   chunked      the same without Content-Length (Transfer-Encoding: chunked)
 *   drop         Content-Length of the whole, then the first `dropAfter` bytes, then the socket is destroyed
 *   stall        the first `dropAfter` bytes (in writes of `chunkBytes`, 10 ms apart, if given), then
 *                nothing until the client gives up or the server closes
 *   status       an HTTP error status with a short text body
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route =
  | { kind: 'plain'; body: Uint8Array; chunkBytes?: number; delayMs?: number }
  | { kind: 'chunked'; body: Uint8Array; chunkBytes?: number }
  | { kind: 'drop'; body: Uint8Array; dropAfter: number }
  | { kind: 'stall'; body: Uint8Array; dropAfter: number; chunkBytes?: number }
  | { kind: 'status'; status: number };

export interface LocalServer {
  url(path: string): string;
  /** Paths asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

async function serve(route: Route, res: ServerResponse): Promise<void> {
  if (route.kind === 'status') {
    res.writeHead(route.status, { 'content-type': 'text/plain' }).end(`status ${route.status}`);
    return;
  }
  const { body } = route;
  const headers: Record<string, string | number> = { 'content-type': 'application/octet-stream' };
  if (route.kind !== 'chunked') headers['content-length'] = body.length;
  res.writeHead(200, headers);
  if (route.kind === 'stall' && route.chunkBytes) {
    for (let at = 0; at < route.dropAfter; at += route.chunkBytes) {
      res.write(body.subarray(at, Math.min(at + route.chunkBytes, route.dropAfter)));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return;
  }
  if (route.kind === 'drop' || route.kind === 'stall') {
    res.write(body.subarray(0, route.dropAfter));
    if (route.kind === 'drop') setTimeout(() => res.socket?.destroy(), 50);
    return;
  }
  const step = route.chunkBytes ?? 64 * 1024;
  for (let at = 0; at < body.length; at += step) {
    if (!res.write(body.subarray(at, at + step))) await new Promise((resolve) => res.once('drain', resolve));
    if (route.kind === 'plain' && route.delayMs) await new Promise((resolve) => setTimeout(resolve, route.delayMs));
  }
  res.end();
}

export async function startLocalServer(routes: Record<string, Route>): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    res.setHeader('access-control-allow-origin', '*');
    const route = routes[path];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    void serve(route, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
