import { afterEach, describe, expect, it } from 'vitest';
import type { Capture, Rule } from '../../../shared/contract/index.js';
import { buildSampleRequest, findCommand } from '../../../shared/protocol/index.js';
import { buildExport, parseImport } from '../store/session-io.js';
import { type BackendHandler, type FakeBackend, refusingUrl, startFakeBackend } from '../testing/fake-backend.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';
import { type ReplayOptions, replayCaptures } from './replay.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const ALLOW = '{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}';
const denyRule: Rule = {
  id: 'deny-remark',
  name: 'deny remark changes',
  enabled: true,
  match: { dialect: 'openim', command: 'callbackBeforeSetFriendRemarkCommand', where: [] },
  action: { type: 'answer', decision: { verdict: 'deny', code: 5003, message: 'no' } },
  times: null,
};

/** A recorded session: three OpenIM callbacks and one Tencent callback answered by a real engine's listener. */
async function recordSession(): Promise<Capture[]> {
  const engine: TestEngine = await startTestEngine({ rules: [denyRule] });
  cleanups.push(() => engine.stop());
  const names = [
    'callbackBeforeAddFriendCommand',
    'callbackBeforeSetFriendRemarkCommand',
    'callbackAfterDeleteFriendCommand',
    'Sns.CallbackPrevFriendAdd',
  ];
  for (const name of names) {
    const info = findCommand(name);
    if (!info) throw new Error(name);
    const req = buildSampleRequest(info, { nowMs: Date.now() });
    await post(engine.url, req.target, req.bodyText, { headers: req.headers });
  }
  return engine.core.allCaptures();
}

async function backend(handler: BackendHandler): Promise<FakeBackend> {
  const b = await startFakeBackend(handler);
  cleanups.push(() => b.close());
  return b;
}

const options = (to: string, extra: Partial<ReplayOptions> = {}): ReplayOptions => ({
  to,
  profiles: { openim: 'v3.7+', tencent: 'fail-open' },
  openimTimeoutMs: 5000,
  token: null,
  sdkAppId: null,
  concurrency: 2,
  ...extra,
});

describe('replayCaptures', () => {
  it('reports same / outcome changed against a backend that allows everything', async () => {
    const captures = await recordSession();
    const b = await backend((req) =>
      req.url.includes('CallbackCommand')
        ? {
            body: {
              ActionStatus: 'OK',
              ErrorCode: 0,
              ErrorInfo: '',
              ResultItem: [
                { To_Account: 'id1', ResultCode: 0, ResultInfo: '' },
                { To_Account: 'id2', ResultCode: 0, ResultInfo: '' },
              ],
            },
          }
        : { body: ALLOW },
    );
    const progress: number[] = [];
    const report = await replayCaptures(
      captures,
      options(`${b.url}/new`, { onProgress: (done) => progress.push(done) }),
    );
    expect(progress).toEqual([1, 2, 3, 4]);
    const byCommand = Object.fromEntries(report.items.map((i) => [i.command, i]));
    expect(byCommand.callbackBeforeAddFriendCommand?.verdict).toBe('same');
    const remark = byCommand.callbackBeforeSetFriendRemarkCommand;
    expect(remark?.verdict).toBe('outcome-changed');
    expect(remark?.reason).toBe('blocked 5003 → proceeds');
    expect(remark?.recorded?.bodyText).toContain('"errCode":5003');
    expect(byCommand.callbackAfterDeleteFriendCommand?.verdict).toBe('same');
    expect(byCommand['Sns.CallbackPrevFriendAdd']?.verdict).toBe('same');
    expect(report.summary).toEqual({ total: 4, same: 3, answerChanged: 0, outcomeChanged: 1, skipped: 0 });
    // Re-sent exactly: OpenIM to <to>/<command> with the recorded body bytes; Tencent with its recorded query.
    const urls = b.requests.map((r) => r.url).sort();
    expect(urls).toContain('/new/callbackBeforeAddFriendCommand');
    expect(urls.some((u) => u.startsWith('/new?SdkAppid='))).toBe(true);
    const addFriend = captures.find((c) => c.command === 'callbackBeforeAddFriendCommand');
    expect(b.requests.find((r) => r.url.endsWith('/callbackBeforeAddFriendCommand'))?.bodyText).toBe(
      addFriend?.request.bodyText,
    );
  });

  it('reports an answer change when only the body differs, and every outcome change when the backend is down', async () => {
    const captures = (await recordSession()).filter((c) => c.command === 'callbackBeforeAddFriendCommand');
    const b = await backend(() => ({ body: { actionCode: 0, nextCode: 0, extra: true } }));
    const changed = await replayCaptures(captures, options(b.url));
    expect(changed.items[0]).toMatchObject({ verdict: 'answer-changed', reason: 'the answer body differs' });
    const down = await replayCaptures(captures, options(await refusingUrl()));
    expect(down.items[0]).toMatchObject({ verdict: 'outcome-changed', reason: 'proceeds → fails 90004' });
    expect(down.items[0]?.replayed?.error).toBe('connection refused');
  });

  it('replays a session read back from its HAR and NDJSON exports', async () => {
    const captures = await recordSession();
    const b = await backend(() => ({ body: ALLOW }));
    for (const format of ['har', 'ndjson', 'json'] as const) {
      const file = buildExport(format, captures, 'test', Date.now());
      const report = await replayCaptures(parseImport(file.body).captures, options(b.url));
      expect(report.summary.total).toBe(4);
      expect(report.items.find((i) => i.command === 'callbackBeforeAddFriendCommand')?.verdict).toBe('same');
    }
  });

  it('skips what is not a callback', async () => {
    const engine = await startTestEngine();
    cleanups.push(() => engine.stop());
    await post(engine.url, '/anything', '{"hello":1}');
    await post(engine.url, '/x', 'not json');
    const report = await replayCaptures(engine.core.allCaptures(), options('http://127.0.0.1:9'));
    expect(report.items.map((i) => i.verdict)).toEqual(['skipped', 'skipped']);
    expect(report.items[0]?.reason).toMatch(/not a recognised/);
  });
});
