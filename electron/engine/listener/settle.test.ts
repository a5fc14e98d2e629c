import { afterEach, describe, expect, it } from 'vitest';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

const PATH = '/callbackExample/callbackBeforeAddFriendCommand';
const body = (from: string): string =>
  JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: from, toUserID: 'b', reqMsg: '' });

describe('captures completed after the answer', () => {
  let engine: TestEngine | null = null;
  afterEach(async () => {
    await engine?.stop();
    engine = null;
  });

  it('are complete (findings, outcome, summary) once the answer has arrived', async () => {
    engine = await startTestEngine();
    const reply = await post(engine.url, PATH, body('alice'));
    expect(reply.status).toBe(200);
    const [capture] = engine.core.listCaptures({ limit: 10 }).items;
    expect(capture?.state).toBe('answered');
    expect(capture?.outcome?.effect).toBe('proceeds');
    expect(capture?.findings.map((f) => f.code)).toEqual(['missing-field']); // `ex` is left out above
    expect(capture?.summary.parties).toBe('alice → b');
  });

  it('one capture failing to complete does not stop the others or the engine', async () => {
    const lines: string[] = [];
    engine = await startTestEngine({ log: (line) => lines.push(line) });
    // biome-ignore lint/complexity/useLiteralKeys: `captures` is private; bracket access is TypeScript's way in for a test
    const store = engine.core['captures'].memory;
    // A capture answered at once enters the store finished, through addLine.
    const addLine = store.addLine.bind(store);
    let failures = 1;
    store.addLine = (...args) => {
      if (failures-- > 0) throw new Error('store broke');
      return addLine(...args);
    };
    const replies = await Promise.all([post(engine.url, PATH, body('a1')), post(engine.url, PATH, body('a2'))]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(lines.some((l) => l.includes('store broke'))).toBe(true);
    expect(engine.core.stats().captures).toBe(1);
    // Still serving afterwards.
    expect((await post(engine.url, PATH, body('a3'))).status).toBe(200);
    expect(engine.core.stats().captures).toBe(2);
  });

  it('an answer that fails to be written gets a 500 and is still recorded, as failed with the reason', async () => {
    engine = await startTestEngine();
    // biome-ignore lint/complexity/useLiteralKeys: `handler` is private; bracket access is TypeScript's way in for a test
    const handler = engine.core['handler'];
    // biome-ignore lint/complexity/useLiteralKeys: as above, for the private `write`
    const write = handler['write'].bind(handler);
    let failures = 1;
    // biome-ignore lint/complexity/useLiteralKeys: as above
    handler['write'] = (pending: Parameters<typeof write>[0]) => {
      if (failures-- > 0) throw new Error('socket exploded');
      return write(pending);
    };
    const reply = await post(engine.url, PATH, body('b1'));
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.text)).toEqual({ error: { code: 'internal', message: 'internal error' } });
    const [stored] = engine.core.listCaptures({ limit: 10 }).items;
    expect(stored?.state).toBe('failed');
    expect(stored?.response?.status).toBe(500);
    expect(stored?.findings.map((f) => f.code)).toContain('internal');
    expect((await post(engine.url, PATH, body('b2'))).status).toBe(200);
  });
});
