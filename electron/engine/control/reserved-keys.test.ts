import { afterEach, describe, expect, it } from 'vitest';
import type { RuleWithStats } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { errorCode, request } from '../testing/test-http.js';

/** Keys that name Object.prototype members are data like any other: never dropped, never ignored in silence. */
let engine: Engine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
});

async function start(): Promise<Engine> {
  engine = createEngine({ dataDir: null, controlPort: 0, settings: { listener: { port: 0 } } });
  await engine.start();
  return engine;
}

const api = (e: Engine, method: string, path: string, body?: string) =>
  request(e.controlUrl(), path, {
    method,
    headers: { authorization: `Bearer ${e.token}` },
    ...(body === undefined ? {} : { body }),
  });

const prevAdd = 'Sns.CallbackPrevFriendAdd';

describe('reserved key names', () => {
  it('keeps a rule target keyed __proto__ and answers that account with its own verdict', async () => {
    const e = await start();
    // Raw JSON: an object literal with __proto__ would set the prototype instead of a key.
    const rules = `[{"id":"t","match":{"command":"${prevAdd}"},"action":{"type":"answer","decision":{"verdict":"allow","targets":{"__proto__":{"verdict":"deny","code":38002},"constructor":{"verdict":"deny","code":38003}}}}}]`;
    const put = await api(e, 'PUT', '/api/rules', rules);
    expect(put.status).toBe(200);
    const listed = JSON.parse(put.text) as RuleWithStats[];
    const decision = listed[0]?.action.type === 'answer' ? listed[0].action.decision : null;
    expect(Object.keys(decision?.targets ?? {})).toEqual(['__proto__', 'constructor']);

    const body = JSON.stringify({
      CallbackCommand: prevAdd,
      From_Account: 'me',
      FriendItem: [{ To_Account: '__proto__' }, { To_Account: 'constructor' }, { To_Account: 'bob' }],
    });
    const reply = await request(e.listenerUrl(), `/tc?SdkAppid=1&CallbackCommand=${prevAdd}`, {
      method: 'POST',
      body,
    });
    const answer = JSON.parse(reply.text) as { ResultItem: { To_Account: string; ResultCode: number }[] };
    expect(answer.ResultItem.map((i) => [i.To_Account, i.ResultCode])).toEqual([
      ['__proto__', 38002],
      ['constructor', 38003],
      ['bob', 0],
    ]);
  });

  it.each([
    ['{"constructor":{"x":1}}', 'constructor'],
    ['{"hold":{"constructor":1}}', 'hold'],
    ['{"__proto__":{"hold":{"mode":"all"}}}', '__proto__'],
  ])('refuses a settings PATCH %s with 400 like any unknown key', async (patch, where) => {
    const e = await start();
    const before = e.getSettings();
    const reply = await api(e, 'PATCH', '/api/settings', patch);
    expect(reply.status).toBe(400);
    expect(errorCode(reply)).toBe('invalid-settings');
    expect(reply.text).toContain(where);
    expect(e.getSettings()).toEqual(before);
  });
});
