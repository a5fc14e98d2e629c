import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { post, removeDir, tempDir } from '../testing/test-support.js';
import { main } from './cli.js';

let engine: Engine | null = null;
let dir: string | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await removeDir(dir);
  dir = null;
});

const deny: Rule = {
  id: 'deny-carol',
  name: '',
  enabled: true,
  match: {
    dialect: 'openim',
    command: 'callbackBeforeAddFriendCommand',
    where: [{ path: 'fromUserID', op: 'equals', value: 'carol' }],
  },
  action: { type: 'answer', decision: { verdict: 'deny', code: 5002 } },
  times: null,
};

/** A real engine with a friend request and its after-callback (alice → bob), and a denied one (carol → dan). */
async function recorded(): Promise<{ e: Engine; session: string }> {
  dir = await tempDir();
  engine = createEngine({
    dataDir: join(dir, 'data'),
    controlPort: 0,
    settings: { listener: { host: '127.0.0.1', port: 0 } },
    rules: [deny],
    version: '9.9.9',
  });
  const e = engine;
  await e.start();
  const send = (command: string, body: object) =>
    post(e.listenerUrl(), `/callbackExample/${command}`, JSON.stringify({ callbackCommand: command, ...body }));
  await send('callbackBeforeAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob', reqMsg: 'hi', ex: '' });
  await send('callbackAfterAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob', reqMsg: 'hi' });
  await send('callbackBeforeAddFriendCommand', { fromUserID: 'carol', toUserID: 'dan', reqMsg: 'hi', ex: '' });
  const res = await fetch(`${e.controlUrl()}/api/export?format=json`, {
    headers: { authorization: `Bearer ${e.token}` },
  });
  const session = join(dir, 'session.json');
  await writeFile(session, await res.text());
  return { e, session };
}

async function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['verify', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function expectation(name: string, body: unknown): Promise<string> {
  const file = join(dir ?? '', name);
  await writeFile(file, JSON.stringify(body));
  return file;
}

const MET = {
  expect: [
    {
      id: 'ask',
      command: 'callbackBeforeAddFriendCommand',
      where: [{ path: 'fromUserID', op: 'equals', value: 'alice' }],
      outcome: 'proceeds',
    },
    { id: 'stored', command: 'callbackAfterAddFriendCommand', after: 'ask', within: 10_000 },
    { command: '*BeforeAddFriend*', outcome: { effect: 'blocked', code: 5002 }, decidedBy: 'rule:deny-carol' },
  ],
  flows: { noUnexpected: true },
};
const UNMET = {
  expect: [
    {
      id: 'erin',
      command: 'callbackBeforeAddFriendCommand',
      where: [{ path: 'fromUserID', op: 'equals', value: 'erin' }],
    },
    { id: 'once', command: 'callbackBeforeAddFriendCommand', count: 1 },
  ],
};

describe('callback-inspector verify', () => {
  it('exits 0 when every expectation is met, the same with --session and --control', async () => {
    const { e, session } = await recorded();
    const file = await expectation('met.json', MET);
    const bySession = await run([file, '--session', session, '--json']);
    const byControl = await run([file, '--control', e.controlUrl(), '--token', e.token, '--json']);
    expect(bySession.code, bySession.err).toBe(0);
    expect(byControl.code, byControl.err).toBe(0);
    expect(JSON.parse(byControl.out)).toEqual(JSON.parse(bySession.out));
    const text = await run([file, '--session', session]);
    expect(text.out).toContain('met    ask: 1 capture');
    expect(text.out).toContain('4 of 4 expectations met');
  });

  it('exits 1 with the closest captures and why, the same with --session and --control', async () => {
    const { e, session } = await recorded();
    const file = await expectation('unmet.json', UNMET);
    const bySession = await run([file, '--session', session]);
    const byControl = await run([file, '--control', e.controlUrl(), '--token', e.token]);
    expect(bySession.code).toBe(1);
    expect(byControl.code).toBe(1);
    expect(byControl.out).toBe(bySession.out);
    expect(bySession.out).toContain('UNMET  erin: no capture matched');
    expect(bySession.out).toMatch(/closest: #\d+ callbackBeforeAddFriendCommand/);
    expect(bySession.out).toContain('- where[0]: fromUserID is "carol", expected equals "erin"');
    expect(bySession.out).toContain('UNMET  once: 2 captures matched, at most 1 expected');
    expect(bySession.out).toContain('0 of 2 expectations met (2 unmet)');
  });

  it('exits 3 for a bad file, a refused token, an unreachable engine and a bad command line', async () => {
    const { e, session } = await recorded();
    const good = await expectation('met.json', MET);
    const invalid = await expectation('bad.json', { expect: [{ command: 'x', after: 'nowhere' }] });
    const notJson = join(dir ?? '', 'not.json');
    await writeFile(notJson, '{ nope');
    const badFile = await run([invalid, '--session', session]);
    expect(badFile.code).toBe(3);
    expect(badFile.err).toContain('expect.0.after: no expectation has id "nowhere"');
    expect((await run([notJson, '--session', session])).err).toContain('is not JSON');
    expect((await run([join(dir ?? '', 'missing.json'), '--session', session])).code).toBe(3);
    const badToken = await run([good, '--control', e.controlUrl(), '--token', 'wrong']);
    expect(badToken.code).toBe(3);
    expect(badToken.err).toContain('refused the token (401)');
    const url = e.controlUrl();
    await e.stop();
    const down = await run([good, '--control', url, '--token', e.token]);
    expect(down.code).toBe(3);
    expect(down.err).toContain(`cannot reach the control API at ${url}`);
    expect((await run([good, '--control', 'not-a-url', '--token', 't'])).code).toBe(3);
    expect((await run([good])).err).toContain('give --session FILE or --control URL --token T');
    expect((await run([good, '--session', session, '--control', url])).code).toBe(3);
  });
});
