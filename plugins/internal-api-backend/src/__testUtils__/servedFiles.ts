import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * Files served over HTTP on a loopback port, by their base name
 * (`/<name>`), for a catalog that registers them by URL as catalog:register
 * does. Give the catalog `backend.reading.allow: [{ host }]`.
 */
export async function serveFiles(files: string[]) {
  const bodies = new Map<string, string>();
  for (const file of files) {
    bodies.set(`/${path.basename(file)}`, await readFile(file, 'utf8'));
  }
  const server = http.createServer((request, response) => {
    const body = bodies.get(request.url ?? '');
    response.writeHead(body === undefined ? 404 : 200).end(body ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const host = `localhost:${(server.address() as AddressInfo).port}`;
  return {
    host,
    /** The URL a file is served at. */
    urlOf: (file: string) => `http://${host}/${path.basename(file)}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
