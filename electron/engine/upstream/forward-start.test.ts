// product.md §4 v3: "a forward that cannot start before the IM server's deadline fails at once with a finding". The
// probe: 1 000 concurrent Tencent callbacks relayed to a 500 ms backend behind a 256-socket pool — 232 waited past
// Tencent's 2 s and got no answer. The pool has no cap now; this is the guard for whatever else holds a forward back
// (here a pool of one socket, held by a backend that does not answer).
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeAgents } from '../outbound/http-exchange.js';
import { exchange } from '../outbound/http-exchange.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine | null = null;
let backend: FakeBackend | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await backend?.close();
  backend = null;
});

const TENCENT =
  '/?SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json&ClientIP=127.0.0.1&OptPlatform=RESTAPI';
const BODY = JSON.stringify({
  CallbackCommand: 'Sns.CallbackPrevFriendAdd',
  Requestor_Account: 'a',
  From_Account: 'a',
  FriendItem: [{ To_Account: 'b', AddSource: 'AddSource_Type_x' }],
});

describe('a forward that cannot start before the deadline', () => {
  it('fails as not-started once the wait for a socket outlasts startWithinMs', async () => {
    backend = await startFakeBackend(() => ({ hang: true }));
    const { Agent } = await import('node:http');
    const agents = { http: new Agent({ keepAlive: true, maxSockets: 1 }) } as unknown as ExchangeAgents;
    const base = { url: `${backend.url}/x`, method: 'POST', headers: [], body: '{}', timeoutMs: 5_000, agents };
    const first = exchange({ ...base, timeoutMs: 400 });
    const second = await exchange({ ...base, startWithinMs: 100 });
    expect(second).toMatchObject({ ok: false, failure: { kind: 'not-started' } });
    expect(second.ok ? '' : second.failure.message).toMatch(/could not start before the deadline/);
    expect(await first).toMatchObject({ ok: false, failure: { kind: 'timeout' } });
    expect(backend.requests).toHaveLength(1);
  });

  it('is answered by the fallback before Tencent gives up, with a finding, while the others go on', async () => {
    backend = await startFakeBackend((req) =>
      req.bodyText.includes('"first"') ? { hang: true } : { body: { ActionStatus: 'OK', ErrorCode: 0 } },
    );
    engine = await startTestEngine({ settings: { upstream: { url: `${backend.url}/cb` } } });
    // A pool of one socket (the engine's has no cap): the first forward holds it, the next ones queue behind it.
    (engine.core as unknown as { agents: ExchangeAgents }).agents.http.maxSockets = 1;
    const gone = new AbortController();
    const first = post(engine.url, TENCENT, BODY.replace('"a"', '"first"'), { signal: gone.signal }).catch(() => null);
    const queued = await Promise.all([post(engine.url, TENCENT, BODY), post(engine.url, TENCENT, BODY)]);
    for (const reply of queued) {
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    }
    const waiting = engine.core.allCaptures().filter((c) => !c.request.bodyText.includes('"first"'));
    expect(waiting).toHaveLength(2);
    for (const capture of waiting) {
      expect(capture.findings.map((f) => f.code)).toContain('upstream-not-started');
      expect(capture.decidedBy).toBe('default');
      expect(capture.upstream?.error).toMatch(/could not start before the deadline/);
      // Answered at the hold margin before Tencent's 2 s, not after it.
      expect(capture.latencyMs).toBeLessThan(2_000);
    }
    gone.abort(); // its relay is Tencent's own timeout: no answer
    await first;
  }, 10_000);
});
