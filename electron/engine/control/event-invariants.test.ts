import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CaptureListResponse, EngineEvent } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { request } from '../testing/test-http.js';

/**
 * Two invariants the engine relies on, over real HTTP and WebSockets: (1) the event stream hands one serialised
 * message to every client, so its bytes must stay untouched until the slowest client has sent them; (2) Clear keeps
 * the held requests, which are live and still waiting for their answer.
 */
let engine: Engine | null = null;
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  await engine?.stop();
  engine = null;
});

const cmd = 'callbackBeforeAddFriendCommand';
/** A large header makes each event large (summaries carry the request headers), so the slow clients' sockets fill. */
const PAD = 'p'.repeat(12_000);
const bodyOf = (n: number): string =>
  JSON.stringify({
    callbackCommand: cmd,
    fromUserID: `u${n}`,
    toUserID: 'u2',
    reqMsg: `${n}:${'x'.repeat(2_000)}`,
    ex: '',
  });

/** The events of a message, or null when it is not the JSON array the engine sends. */
function parsed(message: string): EngineEvent[] | null {
  try {
    const value: unknown = JSON.parse(message);
    return Array.isArray(value) ? (value as EngineEvent[]) : null; // the engine sends arrays of events
  } catch {
    return null;
  }
}

async function start(hold: 'off' | 'all' = 'off'): Promise<Engine> {
  // Flows off: the slow-client test sizes its capture events against the 4 MiB backlog cap, and flow events would
  // add to that backlog (a flow per sender here).
  engine = createEngine({
    dataDir: null,
    controlPort: 0,
    settings: { listener: { port: 0 }, hold: { mode: hold }, flows: { enabled: false } },
  });
  await engine.start();
  return engine;
}

/** A subscriber that keeps every raw message; `slow` ones stop reading their socket until `resume`. */
async function subscriber(e: Engine, slow: boolean) {
  const ws = new WebSocket(`${e.controlUrl().replace('http:', 'ws:')}/api/events?token=${e.token}`);
  sockets.push(ws);
  const raw: string[] = [];
  ws.on('message', (data) => raw.push(String(data)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  // ws keeps its TCP socket private; pausing it is what a slow reader looks like to the server.
  const socket = (ws as unknown as { _socket: Socket })._socket;
  if (slow) socket.pause();
  return { ws, raw, resume: () => socket.resume() };
}

describe('event stream with several slow clients', () => {
  it('delivers the same, uncorrupted frames to fast and slow clients alike', async () => {
    const e = await start();
    const clients = [await subscriber(e, true), await subscriber(e, false), await subscriber(e, true)];
    /** Enough large events to fill the paused clients' TCP buffers (then the engine queues them) but not its 4 MiB cap. */
    const total = 500;
    const target = `${e.listenerUrl()}/cb/${cmd}`;
    // Bursts, so that several large batches are flushed while the slow clients read nothing.
    for (let burst = 0; burst < total / 100; burst++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          fetch(target, { method: 'POST', body: bodyOf(burst * 100 + i), headers: { 'x-pad': PAD } }),
        ),
      );
    }
    for (const c of clients) c.resume();
    // Until every client has all the captures, or one got a message that does not parse, or was cut off.
    const added = (raw: string[]): string[] =>
      raw.flatMap((m) => parsed(m) ?? []).flatMap((ev) => (ev.type === 'capture.added' ? [ev.capture.id] : []));
    await Promise.all(
      clients.map(
        (c) =>
          new Promise<void>((resolve) => {
            const check = () => {
              if (added(c.raw).length >= total || c.raw.some((m) => parsed(m) === null)) resolve();
              else c.ws.once('message', check);
            };
            c.ws.once('close', () => resolve());
            check();
          }),
      ),
    );
    const [first, ...others] = clients.map((c) => c.raw);
    // Every message parses (a buffer reused too early shows up as broken or foreign JSON) and all agree.
    for (const raw of [first, ...others]) expect((raw ?? []).filter((m) => parsed(m) === null)).toEqual([]);
    for (const raw of others) expect(raw).toEqual(first);
    const ids = added(first ?? []);
    expect(new Set(ids).size).toBe(total);
    const summaries = (first ?? []).flatMap((m) => JSON.parse(m) as EngineEvent[]);
    for (const ev of summaries) {
      if (ev.type === 'capture.added') expect(ev.capture.summary.parties).toMatch(/^u\d+ → u2$/);
    }
  }, 60_000);
});

describe('Clear', () => {
  it('keeps held requests: still listed, still announced, still answerable', async () => {
    const e = await start('all');
    const api = (method: string, path: string, body?: unknown) =>
      request(e.controlUrl(), path, {
        method,
        headers: { authorization: `Bearer ${e.token}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const events: EngineEvent[] = [];
    e.subscribe((ev) => events.push(ev));
    const held = new Promise<void>((resolve) => {
      const stop = e.subscribe(() => {
        if (e.listCaptures({ limit: 10, state: 'held' }).total === 2) {
          stop();
          resolve();
        }
      });
    });
    const answers = [1, 2].map((n) => fetch(`${e.listenerUrl()}/cb/${cmd}`, { method: 'POST', body: bodyOf(n) }));
    await held;

    expect((await api('DELETE', '/api/captures')).status).toBe(200);
    const list = (await api('GET', '/api/captures')).json as CaptureListResponse;
    expect(list.items.map((c) => c.state)).toEqual(['held', 'held']);
    const cleared = events.findIndex((ev) => ev.type === 'captures.cleared');
    expect(cleared).toBeGreaterThanOrEqual(0);
    expect(events.slice(cleared + 1).filter((ev) => ev.type === 'capture.added')).toHaveLength(2);

    for (const item of list.items) {
      const decided = await api('POST', `/api/captures/${item.id}/decision`, { verdict: 'deny', code: 5002 });
      expect(decided.status).toBe(200);
    }
    for (const answer of answers) expect(await (await answer).json()).toMatchObject({ errCode: 5002 });
  });
});
