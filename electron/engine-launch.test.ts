import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine/engine.js';
import { newToken, startEngine } from './engine-launch.js';

const started: Engine[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((e) => e.stop()));
  await Promise.all(blockers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function busyPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const base = { dataDir: null, uiDir: null, settings: { listener: { port: 0 } } } as const;

describe('startEngine', () => {
  it('uses the preferred control port when it is free', async () => {
    const lines: string[] = [];
    const engine = await startEngine({ ...base, controlPort: 0, token: newToken() }, (l) => lines.push(l));
    started.push(engine);
    const res = await fetch(`${engine.controlUrl()}/api/health`, {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    expect(res.status).toBe(200);
    expect(lines).toEqual([]);
  });

  it('falls back to any free port when the preferred one is busy', async () => {
    const port = await busyPort();
    const lines: string[] = [];
    const token = newToken();
    const engine = await startEngine({ ...base, controlPort: port, token }, (l) => lines.push(l));
    started.push(engine);
    const actual = Number(new URL(engine.controlUrl()).port);
    expect(actual).not.toBe(port);
    expect(actual).toBeGreaterThan(0);
    expect(engine.token).toBe(token);
    expect(lines.join('\n')).toContain(`control port ${port} unavailable`);
    const res = await fetch(`${engine.controlUrl()}/api/health`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
  });

  it('keeps running when the callback listener port is taken, and says so', async () => {
    const port = await busyPort();
    const engine = await startEngine(
      { dataDir: null, uiDir: null, controlPort: 0, settings: { listener: { port } } },
      () => undefined,
    );
    started.push(engine);
    expect(engine.listenerStatus().state).toBe('error');
    const res = await fetch(`${engine.controlUrl()}/api/health`, {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    expect(res.status).toBe(200);
  });
});

describe('newToken', () => {
  it('is long, URL-safe and fresh each time', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
  });
});
