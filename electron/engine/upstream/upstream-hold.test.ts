import { afterEach, describe, expect, it } from 'vitest';
import { type Capture, RuleSchema } from '../../../shared/contract/index.js';
import { type FakeBackend, startFakeBackend } from '../testing/fake-backend.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';
import { jsonAnswer, OPENIM_DENY, sampleRequest, startUpstream } from '../testing/upstream-fixtures.js';

/** Forward rules and hold + upstream: a real engine on port 0 in front of a fake app backend, over real HTTP. */

let engine: TestEngine | null = null;
let backend: FakeBackend | null = null;
afterEach(async () => {
  await engine?.stop();
  await backend?.close();
  engine = null;
  backend = null;
});

const ADD = sampleRequest('callbackBeforeAddFriendCommand');
const REMARK = sampleRequest('callbackBeforeSetFriendRemarkCommand');
const json = jsonAnswer;

/** The backend and the engine in front of it, both stopped after the test. */
async function setup(...args: Parameters<typeof startUpstream>): ReturnType<typeof startUpstream> {
  const started = await startUpstream(...args);
  ({ engine, backend } = started);
  return started;
}

const only = (t: TestEngine): Capture => {
  const [c] = t.core.allCaptures();
  if (!c) throw new Error('no capture');
  return c;
};

describe('forward rules', () => {
  it('a forward rule with its own URL forwards only what it matches, even without the upstream setting', async () => {
    backend = await startFakeBackend(() => json(OPENIM_DENY));
    engine = await startTestEngine({
      rules: [
        RuleSchema.parse({
          id: 'to-backend',
          match: { command: 'callbackBeforeAddFriendCommand' },
          action: { type: 'forward', url: `${backend.url}/hooks` },
        }),
      ],
    });
    await post(engine.url, ADD.target, ADD.bodyText);
    await post(engine.url, REMARK.target, REMARK.bodyText);
    expect(backend.requests.map((r) => r.url)).toEqual(['/hooks/callbackBeforeAddFriendCommand']);
    const [added, remark] = engine.core.allCaptures();
    expect(added).toMatchObject({ decidedBy: 'upstream', outcome: { effect: 'blocked' } });
    expect(remark).toMatchObject({ decidedBy: 'default' });
    expect(remark?.upstream).toBeUndefined();
  });

  it('a forward rule without a URL and no upstream set answers by default and says so', async () => {
    engine = await startTestEngine({ rules: [RuleSchema.parse({ id: 'fwd', action: { type: 'forward' } })] });
    const reply = await post(engine.url, ADD.target, ADD.bodyText);
    expect(reply.status).toBe(200);
    expect(only(engine).findings.map((f) => f.code)).toContain('upstream-not-set');
  });
});

describe('hold + upstream', () => {
  const held = (t: TestEngine, id: string) =>
    t.waitForCapture((e) => e.capture.id === id && e.capture.upstream != null && e.capture.state === 'held');

  it('forwards at once; the backend answer is the proposal; a person edits it before the deadline', async () => {
    const { engine, backend } = await setup(() => json(OPENIM_DENY), { hold: { mode: 'before' } });
    const reply = post(engine.url, ADD.target, ADD.bodyText);
    const id = await engine.nextHeldId();
    await backend.nextRequest();
    await held(engine, id);
    expect(engine.core.getCapture(id)?.upstream?.outcome?.effect).toBe('blocked');
    const edited = { ...OPENIM_DENY, errCode: 5100, errMsg: 'edited' };
    const result = engine.core.decide(
      id,
      { verdict: 'allow', raw: { status: 200, bodyText: JSON.stringify(edited) } },
      'person',
    );
    expect(result.ok).toBe(true);
    expect(JSON.parse((await reply).text)).toEqual(edited);
    const c = engine.core.getCapture(id);
    expect(c).toMatchObject({ decidedBy: 'person', outcome: { effect: 'blocked', code: 5100 } });
    expect(c?.upstream?.bodyText).toBe(JSON.stringify(OPENIM_DENY));
  });

  it('at the deadline the fallback is the backend answer when it has arrived', async () => {
    const { engine } = await setup(() => json(OPENIM_DENY), {
      hold: { mode: 'all', openimTimeoutMs: 800, marginMs: 100 },
    });
    const reply = await post(engine.url, ADD.target, ADD.bodyText);
    expect(JSON.parse(reply.text)).toEqual(OPENIM_DENY);
    expect(only(engine)).toMatchObject({ decidedBy: 'timeout', outcome: { effect: 'blocked' } });
  });

  it('a backend slower than the deadline: the usual fallback, and the capture says the backend was not awaited', async () => {
    const { engine } = await setup(() => ({ hang: true }), {
      hold: { mode: 'all', openimTimeoutMs: 600, marginMs: 100 },
    });
    const reply = await post(engine.url, ADD.target, ADD.bodyText);
    expect(JSON.parse(reply.text)).toMatchObject({ nextCode: 0 });
    const c = only(engine);
    expect(c.decidedBy).toBe('timeout');
    expect(c.upstream?.error).toMatch(/not awaited: no answer before the hold deadline/);
  });

  it('a decision before the backend answered stops waiting for it', async () => {
    const { engine, backend } = await setup(() => ({ hang: true }), { hold: { mode: 'all' } });
    const reply = post(engine.url, ADD.target, ADD.bodyText);
    const id = await engine.nextHeldId();
    await backend.nextRequest();
    engine.core.decide(id, { verdict: 'deny' }, 'api');
    expect(JSON.parse((await reply).text)).toMatchObject({ nextCode: 1 });
    expect(engine.core.getCapture(id)?.upstream?.error).toMatch(/the API answered before the backend/);
  });
});
