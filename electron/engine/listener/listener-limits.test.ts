// Issue 22 on the listener: `GET /` tells a foreign Host nothing about what was captured (the probe read the capture
// count with any Host), and a regex rule runs on at most `rules.maxMatchBytes` of a value.
import { afterEach, describe, expect, it } from 'vitest';
import { RuleSchema } from '../../../shared/contract/index.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
});

const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const add = (reqMsg: string) =>
  JSON.stringify({ callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'a', toUserID: 'b', reqMsg, ex: '' });

describe('listener limits', () => {
  it('GET / shows the capture count to a loopback Host only', async () => {
    engine = await startTestEngine();
    await post(engine.url, ADD, add('hi'));
    const port = new URL(engine.url).port;
    const local = JSON.parse((await post(engine.url, '/', '', { method: 'GET' })).text);
    expect(local).toMatchObject({ name: 'Callback Inspector', captures: 1 });
    for (const host of ['evil.example', `evil.example:${port}`, `192.168.1.20:${port}`]) {
      const foreign = await post(engine.url, '/', '', { method: 'GET', headers: { host } });
      expect(foreign.status).toBe(200);
      expect(JSON.parse(foreign.text), host).not.toHaveProperty('captures');
      expect(foreign.text).not.toMatch(/"captures"|\b1\b/);
    }
  });

  it('a regex rule sees at most rules.maxMatchBytes of a value', async () => {
    engine = await startTestEngine({ settings: { rules: { maxMatchBytes: 1_024 } } });
    await engine.core.setRules([
      RuleSchema.parse({
        id: 'tail',
        match: { where: [{ path: 'reqMsg', op: 'matches', value: 'SPAM' }] },
        action: { type: 'answer', decision: { verdict: 'deny', code: 5002 } },
      }),
    ]);
    const early = JSON.parse((await post(engine.url, ADD, add(`${'x'.repeat(1_000)}SPAM`))).text);
    const late = JSON.parse((await post(engine.url, ADD, add(`${'x'.repeat(1_021)}SPAM`))).text);
    expect(early).toMatchObject({ errCode: 5002 });
    expect(late).toMatchObject({ errCode: 0 });
    // The default is 64 KiB (it was 10 000 characters): a word at 30 000 is seen.
    await engine.core.updateSettings({ ...engine.core.getSettings(), rules: { maxMatchBytes: 65_536 } });
    const far = JSON.parse((await post(engine.url, ADD, add(`${'x'.repeat(30_000)}SPAM`))).text);
    expect(far).toMatchObject({ errCode: 5002 });
  });
});
