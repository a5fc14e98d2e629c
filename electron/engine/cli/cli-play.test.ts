import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Capture, ReplayReport } from '../../../shared/contract/index.js';
import { buildSampleRequest, findCommand } from '../../../shared/protocol/index.js';
import { buildExport } from '../store/session-io.js';
import { type BackendHandler, type FakeBackend, refusingUrl, startFakeBackend } from '../testing/fake-backend.js';
import { post, startTestEngine } from '../testing/test-support.js';
import { main } from './cli.js';

const ALLOW = { actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 };
const DENY = { ...ALLOW, errCode: 5001, errMsg: 'no', nextCode: 1 };
const ADD = { callbackCommand: 'callbackBeforeAddFriendCommand', fromUserID: 'u1', toUserID: 'u2', reqMsg: '', ex: '' };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ci-play-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function backend(handler: BackendHandler): Promise<FakeBackend> {
  const b = await startFakeBackend(handler);
  cleanups.push(() => b.close());
  return b;
}

async function run(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, { readStdin: async () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('callback-inspector send', () => {
  const body = () => tempFile('body.json', JSON.stringify(ADD));

  it('exits 0 when the operation proceeds, 1 when blocked, 2 when it fails', async () => {
    const allow = await backend(() => ({ body: ALLOW }));
    const ok = await run(['send', '--to', `${allow.url}/cb`, '--command', ADD.callbackCommand, '--body', body()]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`POST ${allow.url}/cb/callbackBeforeAddFriendCommand`);
    expect(ok.out).toMatch(/Outcome: proceeds — OpenIM v3\.7\+ lets the friend request go ahead/);

    const deny = await backend(() => ({ body: DENY }));
    const blocked = await run(['send', '--to', deny.url, '--command', ADD.callbackCommand, '--body', body()]);
    expect(blocked.code).toBe(1);
    expect(blocked.out).toContain('Outcome: blocked 5001');

    const strings = await backend(() => ({ body: '{"actionCode":"0","nextCode":"0"}' }));
    const fails = await run(['send', '--to', strings.url, '--command', ADD.callbackCommand, '--body', body()]);
    expect(fails.code).toBe(2);
    expect(fails.out).toContain('Outcome: fails 90007');
    expect(fails.out).toMatch(/error: actionCode is a string/);

    const down = await run(['send', '--to', await refusingUrl(), '--command', ADD.callbackCommand, '--body', body()]);
    expect(down.code).toBe(2);
    expect(down.out).toContain('← no answer: connection refused');
    // One message for one failure (issue 23): the outcome names the same cause, no "(close)" beside "refused".
    expect(down.out).not.toContain('(close)');
    expect(down.out.match(/connection refused/g)).toHaveLength(2); // the answer line and the outcome's reason
    expect(down.out).toMatch(/^Outcome: fails 90004 — .*because no answer came back: connection refused;/m);
  });

  it('reads the body from stdin and prints JSON with --json', async () => {
    const b = await backend(() => ({ body: ALLOW }));
    const res = await run(
      ['send', '--to', b.url, '--command', ADD.callbackCommand, '--body', '-', '--json', '--profile', 'v3.0-v3.4.0'],
      JSON.stringify(ADD),
    );
    expect(res.code).toBe(0);
    const capture = JSON.parse(res.out) as Capture;
    expect(capture).toMatchObject({ origin: 'sent', upstream: { status: 200 } });
    expect(b.requests[0]?.url).toBe('/?command=callbackBeforeAddFriendCommand');
  });

  it('signs Tencent callbacks with --tencent-token', async () => {
    const b = await backend(() => ({ body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } }));
    const file = tempFile('t.json', JSON.stringify({ CallbackCommand: 'Sns.CallbackFriendAdd', PairList: [] }));
    const args = ['send', '--to', b.url, '--command', 'Sns.CallbackFriendAdd', '--body', file];
    const res = await run([...args, '--sdkappid', '1400000009', '--tencent-token', 'tok']);
    expect(res.code).toBe(0);
    const query = new URL(b.requests[0]?.url ?? '', 'http://x').searchParams;
    expect(query.get('SdkAppid')).toBe('1400000009');
    expect(query.get('Sign')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 1 when only some Tencent targets are blocked (partial)', async () => {
    const b = await backend(() => ({
      body: {
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
        ResultItem: [
          { To_Account: 'id1', ResultCode: 0, ResultInfo: '' },
          { To_Account: 'id2', ResultCode: 38001, ResultInfo: 'no' },
        ],
      },
    }));
    const file = tempFile(
      'p.json',
      JSON.stringify({ From_Account: 'id', FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2' }] }),
    );
    const res = await run(['send', '--to', b.url, '--command', 'Sns.CallbackPrevFriendAdd', '--body', file]);
    expect(res.out).toContain('Outcome: partial (id2 blocked 38001)');
    expect(res.code).toBe(1);
  });

  it.each([
    [['send', '--command', 'c', '--body', 'x'], /--to is required/],
    [['send', '--to', 'localhost:1', '--command', 'c', '--body', 'x'], /--to must be an absolute http/],
    // Issue 22: these were sent, got "no answer" and exit 2.
    [['send', '--to', 'http://[::1', '--command', 'c', '--body', '-'], /--to must be .*"\[::1" is not a host name/],
    [['send', '--to', 'http://127.0.0.1:99999/x', '--command', 'c', '--body', '-'], /port 99999 is above 65535/],
    [['replay', 's.json', '--to', 'http://h:70000'], /port 70000 is above 65535/],
    [['send', '--to', 'http://h', '--command', 'c', '--body', '/no/such/file'], /cannot read the body file/],
    [
      ['send', '--to', 'http://h', '--command', 'Sns.CallbackFriendAdd', '--body', '-', '--profile', 'v3.7+'],
      /not a Tencent policy/,
    ],
    [['send', '--to', 'http://h', '--command', 'c', '--body', 'x', '--profile', 'v9'], /--profile must be one of/],
    [['send', '--to', 'http://h', '--command', 'c', '--body', 'x', '--bogus'], /unknown option|Unknown option/],
  ])('exits 3 on bad input: %j', async (argv, message) => {
    const res = await run(argv, '{}');
    expect(res.code).toBe(3);
    expect(res.err).toMatch(message);
  });

  it('exits 3 on an unknown command, naming the closest known one, and sends nothing', async () => {
    const b = await backend(() => ({ body: DENY }));
    const misspelt = { ...ADD, callbackCommand: 'callbackBeforAddFriendCommand' };
    const file = tempFile('typo.json', JSON.stringify(misspelt));
    const res = await run(['send', '--to', b.url, '--command', 'callbackBeforAddFriendCommand', '--body', file]);
    expect(res.code).toBe(3);
    expect(res.err).toMatch(
      /Unknown command "callbackBeforAddFriendCommand"; the closest known command is callbackBeforeAddFriendCommand/,
    );
    expect(b.requests).toHaveLength(0);
  });

  it('exits 3 when the body is not JSON', async () => {
    const res = await run(['send', '--to', 'http://h', '--command', 'c', '--body', '-'], '{nope');
    expect(res.code).toBe(3);
    expect(res.err).toMatch(/the body is not valid JSON/);
  });
});

/** A HAR session of `count` before-add-friend callbacks, each answered with a deny by the inspector. */
async function recordedHar(count: number): Promise<string> {
  const engine = await startTestEngine({
    rules: [
      {
        id: 'd',
        name: 'deny remarks',
        enabled: true,
        match: { dialect: 'any', command: '*Remark*', where: [] },
        action: { type: 'answer', decision: { verdict: 'deny' } },
        times: null,
      },
    ],
  });
  cleanups.push(() => engine.stop());
  const add = findCommand('callbackBeforeAddFriendCommand');
  const remark = findCommand('callbackBeforeSetFriendRemarkCommand');
  if (!add || !remark) throw new Error('catalogue');
  for (let i = 0; i < count; i++) {
    const req = buildSampleRequest(i === 0 ? remark : add, { nowMs: Date.now() });
    await post(engine.url, req.target, req.bodyText, { headers: req.headers });
  }
  return tempFile('session.har', buildExport('har', engine.core.allCaptures(), 't', Date.now()).body);
}

describe('callback-inspector replay', () => {
  it('exits 0 when no outcome changed and 1 when one did, with a summary and progress', async () => {
    const har = await recordedHar(24);
    const denyRemarks = await backend((req) => ({ body: req.url.includes('Remark') ? DENY : ALLOW }));
    const same = await run(['replay', har, '--to', denyRemarks.url, '--concurrency', '4']);
    expect(same.out).toContain('24 replayed: 23 same, 1 answer changed, 0 outcome changed, 0 skipped');
    expect(same.code).toBe(0);
    expect(same.err).toContain('replayed 24/24');

    const allow = await backend(() => ({ body: ALLOW }));
    const changed = await run(['replay', har, '--to', allow.url]);
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/#1 callbackBeforeSetFriendRemarkCommand {2}OUTCOME CHANGED: blocked 5001 → proceeds/);
    expect(changed.out).toContain('24 replayed: 23 same, 0 answer changed, 1 outcome changed, 0 skipped');
  });

  it('prints the report as JSON with --json', async () => {
    const har = await recordedHar(2);
    const allow = await backend(() => ({ body: ALLOW }));
    const res = await run(['replay', har, '--to', allow.url, '--json']);
    const report = JSON.parse(res.out) as ReplayReport;
    expect(report.summary).toMatchObject({ total: 2, outcomeChanged: 1 });
    expect(res.code).toBe(1);
  });

  it('exits 3 on a missing or unreadable session', async () => {
    expect((await run(['replay', '/no/such.har', '--to', 'http://h'])).code).toBe(3);
    const bad = await run(['replay', tempFile('x.json', '{"hello":1}'), '--to', 'http://h']);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/expected a Callback Inspector session/);
    expect((await run(['replay', '--to', 'http://h'])).code).toBe(3);
  });
});

const bundle = new URL('../../../dist/electron/cli.js', import.meta.url);

describe('the built CLI plays the server without a listener or control API', () => {
  it.skipIf(!existsSync(bundle))('send reads stdin and exits with the outcome', async () => {
    const deny = await backend(() => ({ body: DENY }));
    const child = spawn(process.execPath, [
      bundle.pathname,
      'send',
      '--to',
      deny.url,
      '--command',
      ADD.callbackCommand,
      '--body',
      '-',
    ]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stdin.end(JSON.stringify(ADD));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(out).toContain('Outcome: blocked 5001');
    expect(code).toBe(1);
  });
});
