import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { EngineEvent } from '../../../shared/contract/index.js';
import { createFakeEngine, type FakeEngine, makeCapture, toSummary } from '../testing/test-double-engine.js';
import { type Started, startTestServer } from '../testing/test-http.js';
import { createEventStream, type EventStream, enqueueEvent } from './event-stream.js';

const added = (id: string, state: 'held' | 'answered' = 'held'): EngineEvent => ({
  type: 'capture.added',
  capture: toSummary(makeCapture({ id, state })),
});
const updated = (id: string): EngineEvent => ({
  type: 'capture.updated',
  capture: toSummary(makeCapture({ id, state: 'answered' })),
});

/** Collects the event arrays a WebSocket receives; `until` resolves once the predicate holds. */
function collect(ws: WebSocket) {
  const messages: EngineEvent[][] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)) as EngineEvent[]); // the server only sends EngineEvent arrays
    for (const w of [...waiters]) if (w.test()) w.resolve();
  });
  return {
    messages,
    events: () => messages.flat(),
    until: (test: () => boolean) =>
      new Promise<void>((resolve) => {
        if (test()) resolve();
        else waiters.push({ test, resolve });
      }),
  };
}

/** Connects and starts collecting at once: the initial events may arrive in the same packet as the handshake. */
async function openSocket(s: Started): Promise<{ ws: WebSocket; c: ReturnType<typeof collect> }> {
  const ws = new WebSocket(`${s.base.replace('http:', 'ws:')}/api/events?token=${s.token}`);
  const c = collect(ws);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { ws, c };
}

describe('enqueueEvent (coalescing)', () => {
  it('merges an update into the earlier event of the same capture, keeping its type and position', () => {
    const index = new Map<string, number>();
    let pending: EngineEvent[] = [];
    for (const e of [added('a'), added('b'), updated('a'), updated('c'), updated('c')]) {
      pending = enqueueEvent(pending, index, e);
    }
    expect(pending.map((e) => `${e.type}:${'capture' in e ? `${e.capture.id}:${e.capture.state}` : ''}`)).toEqual([
      'capture.added:a:answered',
      'capture.added:b:held',
      'capture.updated:c:answered',
    ]);
  });

  it('drops capture events that precede a clear, keeps the rest in order', () => {
    const index = new Map<string, number>();
    let pending: EngineEvent[] = [];
    const rules: EngineEvent = { type: 'rules.changed', rules: [] };
    for (const e of [added('a'), rules, { type: 'captures.cleared' } as const, added('b'), updated('a')]) {
      pending = enqueueEvent(pending, index, e);
    }
    expect(pending.map((e) => e.type)).toEqual([
      'rules.changed',
      'captures.cleared',
      'capture.added',
      'capture.updated',
    ]);
  });
});

describe('GET /api/events', () => {
  let engine: FakeEngine;
  let s: Started;
  beforeEach(async () => {
    engine = createFakeEngine();
    s = await startTestServer(engine);
  });
  afterEach(() => s.server.close());

  it('sends listener.status and settings.changed on connect', async () => {
    const { ws, c } = await openSocket(s);
    await c.until(() => c.messages.length >= 1);
    expect(c.messages[0]?.map((e) => e.type)).toEqual(['listener.status', 'settings.changed']);
    ws.close();
  });

  it('batches a burst: 2 000 events arrive complete, in order, in far fewer messages', async () => {
    const { ws, c } = await openSocket(s);
    await c.until(() => c.messages.length >= 1);
    for (let i = 0; i < 2_000; i++) engine.emit(added(`id-${i}`));
    await c.until(() => c.events().length >= 2_002);
    const ids = c.events().flatMap((e) => (e.type === 'capture.added' ? [e.capture.id] : []));
    expect(ids).toEqual(Array.from({ length: 2_000 }, (_, i) => `id-${i}`));
    expect(c.messages.length).toBeLessThanOrEqual(5);
    for (const message of c.messages) expect(Array.isArray(message)).toBe(true);
    ws.close();
  });

  it('sends text frames; an update merged into the batch carries the latest state, non-ASCII text intact', async () => {
    const { ws, c } = await openSocket(s);
    const binary: boolean[] = [];
    ws.on('message', (_data, isBinary) => binary.push(isBinary));
    await c.until(() => c.messages.length >= 1);
    const first = makeCapture({ id: 'm', state: 'held' });
    const later = makeCapture({ id: 'm', state: 'answered' });
    engine.emit({
      type: 'capture.added',
      capture: { ...toSummary(first), summary: { parties: 'a → b', text: 'héllo 😀' } },
    });
    engine.emit({
      type: 'capture.updated',
      capture: { ...toSummary(later), summary: { parties: 'a → b', text: 'ok' } },
    });
    engine.emit(added('n'));
    await c.until(() => c.events().some((e) => e.type === 'capture.added' && e.capture.id === 'n'));
    const forM = c.events().filter((e) => 'capture' in e && e.capture.id === 'm');
    expect(forM).toHaveLength(1);
    expect(forM[0]?.type).toBe('capture.added');
    expect(forM[0] && 'capture' in forM[0] ? [forM[0].capture.state, forM[0].capture.summary] : []).toEqual([
      'answered',
      { parties: 'a → b', text: 'ok' },
    ]);
    expect(binary.length).toBeGreaterThan(0);
    expect(binary.every((b) => !b)).toBe(true);
    ws.close();
  });

  it('sends a newly held request at once, not after the batch window', async () => {
    // A batch window longer than the test's timeout: only the held request's own flush can deliver it.
    const slow = await startTestServer(engine, { events: { batchMs: 600_000 } });
    try {
      const { ws, c } = await openSocket(slow);
      await c.until(() => c.messages.length >= 1);
      engine.emit(added('waiting', 'answered'));
      engine.emit(added('urgent', 'held'));
      await c.until(() => c.events().some((e) => e.type === 'capture.added' && e.capture.id === 'urgent'));
      // What arrived before it in the same turn comes along, in order.
      expect(c.events().flatMap((e) => (e.type === 'capture.added' ? [e.capture.id] : []))).toEqual([
        'waiting',
        'urgent',
      ]);
      ws.close();
    } finally {
      slow.server.close();
    }
  });

  it('delivers to every client and stops listening to the engine on close', async () => {
    const [{ ws: a, c: ca }, { c: cb }] = await Promise.all([openSocket(s), openSocket(s)]);
    engine.emit({ type: 'captures.cleared' });
    await Promise.all([
      ca.until(() => ca.events().some((e) => e.type === 'captures.cleared')),
      cb.until(() => cb.events().some((e) => e.type === 'captures.cleared')),
    ]);
    const closed = new Promise((resolve) => a.once('close', resolve));
    await s.server.close();
    await closed;
    expect(engine.subscriberCount()).toBe(0);
  });
});

describe('slow clients', () => {
  let server: Server;
  let stream: EventStream;
  let engine: FakeEngine;
  afterEach(async () => {
    await stream.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('cuts off a client that never reads instead of buffering without bound', async () => {
    engine = createFakeEngine();
    stream = createEventStream(engine, { batchMs: 1, maxBufferedBytes: 256 * 1024 });
    server = createServer();
    server.on('upgrade', (req, socket, head) => stream.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port; // TCP server address

    // A raw client that completes the handshake and then stops reading.
    const socket = connect(port, '127.0.0.1');
    socket.write(
      'GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    socket.pause();
    expect(stream.clientCount()).toBe(1);

    const big = makeCapture({ id: 'big' });
    big.command = 'x'.repeat(512 * 1024);
    const event: EngineEvent = { type: 'capture.updated', capture: toSummary(big) };
    // Each round sends 0.5 MiB; the kernel buffers fill after some MiB, then bufferedAmount grows past the limit.
    for (let round = 0; round < 400 && stream.clientCount() > 0; round++) {
      engine.emit({ ...event, capture: { ...event.capture, id: `big-${round}` } });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(stream.clientCount()).toBe(0);
    socket.destroy();
  });
});
