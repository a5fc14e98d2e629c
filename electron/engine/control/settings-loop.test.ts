// product.md §4 v3 `upstream-loop`, at the moment the setting changes: the probe set upstream to the engine's own
// listener with PATCH /api/settings (200), and the engine then made 114 635 captures in 60 s forwarding to itself.
import { networkInterfaces } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../engine.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { request } from '../testing/test-http.js';

let engine: Engine;
let backend: FakeBackend | null = null;
beforeEach(async () => {
  engine = createEngine({ dataDir: null, controlPort: 0, settings: { listener: { port: 0 } }, version: 't' });
  await engine.start();
});
afterEach(async () => {
  await engine.stop();
  await backend?.close();
  backend = null;
});

const patch = (body: unknown) =>
  request(engine.controlUrl(), '/api/settings', {
    method: 'PATCH',
    headers: { authorization: `Bearer ${engine.token}` },
    body: JSON.stringify(body),
  });

/** An address of one of this machine's own interfaces that is not loopback, when it has one. */
const ownInterface = (): string | undefined =>
  Object.values(networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal)?.address;

describe('PATCH /api/settings refuses an upstream that is the engine itself', () => {
  it('in every local address form, at the listener and at the control port, naming why', async () => {
    const listener = new URL(engine.listenerUrl()).port;
    const control = new URL(engine.controlUrl()).port;
    const iface = ownInterface();
    const urls = [
      [`http://127.0.0.1:${listener}/cb`, 'listener'],
      [`http://localhost:${listener}`, 'listener'],
      [`http://[::1]:${listener}/cb`, 'listener'],
      [`http://127.9.9.9:${listener}/cb`, 'listener'],
      [`http://0.0.0.0:${control}/x`, 'control API'],
      [`http://[::ffff:127.0.0.1]:${control}`, 'control API'],
      ...(iface ? [[`http://${iface}:${listener}/cb`, 'listener']] : []),
    ];
    for (const [url, what] of urls) {
      const res = await patch({ upstream: { url } });
      expect(res.status, url).toBe(400);
      expect(res.json, url).toMatchObject({
        error: {
          code: 'invalid-settings',
          details: [
            { path: 'upstream.url', message: expect.stringMatching(new RegExp(`^upstream-loop: .*its ${what}`)) },
          ],
        },
      });
    }
    expect(engine.getSettings().upstream.url).toBeNull();
  });

  it('also when the listener is moved onto the upstream port; a backend on this machine at another port is fine', async () => {
    backend = await startFakeBackend(() => ({ body: {} }));
    expect((await patch({ upstream: { url: `${backend.url}/cb` } })).status).toBe(200);
    expect(engine.getSettings().upstream.url).toBe(`${backend.url}/cb`);
    await backend.close();
    const moved = await patch({ listener: { port: backend.port } });
    expect(moved.status).toBe(400);
    expect(JSON.stringify(moved.json)).toContain('upstream-loop');
    backend = null;
  });
});
