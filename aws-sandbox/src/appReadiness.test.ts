import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readAppUrls, waitUntilAppReady } from './appReadiness';

const repoRoot = path.resolve(__dirname, '../..');

describe('readAppUrls', () => {
  it('reads the base URLs, the later config file winning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-urls-'));
    const override = path.join(dir, 'app-config.override.yaml');
    fs.writeFileSync(override, 'backend:\n  baseUrl: http://localhost:7100\n');
    try {
      expect(
        readAppUrls([path.join(repoRoot, 'app-config.yaml'), override]),
      ).toEqual({
        app: 'http://localhost:3000',
        backend: 'http://localhost:7100',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('waitUntilAppReady', () => {
  // One server plays all: the app's page, the backend's readiness once `backendReady`, and the
  // sandbox sign-in, which signs Sam in once the catalog knows Sam (`userInCatalog`).
  let backendReady = false;
  let userInCatalog = false;
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url!);
    if (req.url === '/api/auth/sandbox/refresh') {
      const known = userInCatalog && req.headers['x-sandbox-person'] === 'sam';
      res.writeHead(known ? 200 : 404).end();
      return;
    }
    const ready = req.url !== '/.backstage/health/v1/readiness' || backendReady;
    res.writeHead(ready ? 200 : 503).end();
  });
  let url: string;
  beforeAll(async () => {
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('resolves only once the backend reports ready, Sam is a catalog user and the app answers', async () => {
    const waiting = waitUntilAppReady(
      { app: `${url}/`, backend: url },
      AbortSignal.timeout(30_000),
      20,
    );
    let resolved = false;
    waiting.then(() => (resolved = true));
    // Waits for a request rather than a fixed time: under load a poll may take longer than one interval.
    const asked = async (route: string) => {
      while (!requests.includes(route)) {
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      requests.length = 0;
    };

    await asked('/.backstage/health/v1/readiness');
    await asked('/.backstage/health/v1/readiness');
    expect(resolved).toBe(false);
    backendReady = true;
    await asked('/api/auth/sandbox/refresh');
    await asked('/api/auth/sandbox/refresh');
    expect(resolved).toBe(false);
    userInCatalog = true;
    await expect(waiting).resolves.toBeUndefined();
  });

  it('rejects once told to stop waiting', async () => {
    backendReady = false;
    userInCatalog = false;
    await expect(
      waitUntilAppReady(
        { app: `${url}/`, backend: url },
        AbortSignal.timeout(100),
        20,
      ),
    ).rejects.toThrow('Stopped waiting');
  });
});
