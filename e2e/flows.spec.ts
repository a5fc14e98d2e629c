import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../shared/contract/index.js';
import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';
import { FlowsView } from './pages/flows-view.js';

const CLI = fileURLToPath(new URL('../dist/electron/cli.js', import.meta.url));

const denyCarol: Rule = {
  id: 'deny-carol',
  name: 'Deny carol',
  enabled: true,
  times: null,
  match: {
    dialect: 'openim',
    command: 'callbackBeforeAddFriendCommand',
    where: [{ path: 'fromUserID', op: 'equals', value: 'carol' }],
  },
  action: { type: 'answer', decision: { verdict: 'deny', code: 5002, message: 'no' } },
};

// Tencent per-target: tom may add id1, not id2 (ResultItem carries each target's own verdict).
const denyId2: Rule = {
  id: 'deny-id2',
  name: 'Deny id2',
  enabled: true,
  times: null,
  match: { dialect: 'tencent', command: 'Sns.CallbackPrevFriendAdd', where: [] },
  action: { type: 'answer', decision: { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38001 } } } },
};

// The window at its smallest supported size (product.md §6 v3): the Flows view and the detail pane side by side.
test.use({ viewport: { width: 1024, height: 700 } });

test('a complete OpenIM friend flow as a timeline; clicking a step selects its capture', async ({
  engine,
  inspector,
  page,
}) => {
  const flows = new FlowsView(page);
  await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob' });
  await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob' });
  // Tencent: one PrevFriendAdd for two targets joins two pair flows; id1's add completes.
  await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd', {
    From_Account: 'tom',
    FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2' }],
  });
  await postCallback(engine.listenerUrl, 'Sns.CallbackFriendAdd', {
    PairList: [{ From_Account: 'tom', To_Account: 'id1', Initiator_Account: 'tom' }],
  });
  await flows.open();
  await expect(flows.row(/id1 ↔ tom/)).toContainText('2 steps');
  await expect(flows.row(/id2 ↔ tom/)).toContainText('1 pending');
  await flows.select(/alice ↔ bob/);
  await expect(flows.row(/alice ↔ bob/)).toContainText('OpenIM relationship · 2 steps');
  await expect(flows.timeline().getByRole('listitem')).toHaveCount(2);
  await expect(flows.step('Before add friend')).toBeVisible();
  await expect(flows.timeline()).toContainText('allow');
  await expect(flows.timeline()).toContainText('proceeds');
  await expect(flows.timeline()).toContainText('ignored');
  await flows.step(/^After add friend/).click();
  await expect(inspector.detailHeading()).toContainText('callbackAfterAddFriendCommand');
  await inspector.screenshot('flows-complete-1024');
});

test('a missing after-callback names the webhooks.yml key; an after-callback after a block is unexpected', async ({
  engine,
  inspector,
  page,
}) => {
  const flows = new FlowsView(page);
  await engine.api.patchSettings({ flows: { settleMs: 300 } });
  await engine.api.putRules([denyCarol]);
  await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', {
    ownerUserID: 'erin',
    friendUserID: 'frank',
    remark: 'F',
  });
  const denied = await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', {
    fromUserID: 'carol',
    toUserID: 'dan',
  });
  expect(denied.json.errCode).toBe(5002);
  await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'carol', toUserID: 'dan' });
  await flows.open();
  await expect(flows.row(/erin ↔ frank/)).toContainText('1 missing');
  await flows.select(/erin ↔ frank/);
  await expect(flows.timeline()).toContainText('never came');
  await expect(flows.reasons()).toContainText(
    'the callback is not enabled: set afterSetFriendRemark.enable: true in config/webhooks.yml',
  );
  await inspector.screenshot('flows-missing-1024');
  await expect(flows.row(/carol ↔ dan/)).toContainText('1 unexpected');
  await flows.select(/carol ↔ dan/);
  await expect(flows.timeline()).toContainText('deny 5002');
  await expect(flows.timeline()).toContainText('blocked 5002');
  await expect(flows.timeline()).toContainText('predicted blocked (5002)');
  // Keyboard: the rows are buttons; Up moves to the flow above.
  await flows.row(/carol ↔ dan/).focus();
  await page.keyboard.press('ArrowDown');
  await expect(flows.row(/erin ↔ frank/)).toHaveAttribute('aria-pressed', 'true');
});

test('Tencent: a missing step names the console switch; a friend added after a per-target deny is unexpected', async ({
  engine,
  inspector,
  page,
}) => {
  const flows = new FlowsView(page);
  await engine.api.patchSettings({ flows: { settleMs: 300 } });
  await engine.api.putRules([denyId2]);
  // No GroupId before the group exists: the owner and the name key the flow.
  await postCallback(engine.listenerUrl, 'Group.CallbackBeforeCreateGroup', {
    Operator_Account: 'leckie',
    Owner_Account: 'leckie',
    Name: 'Team',
  });
  const prev = await postCallback(engine.listenerUrl, 'Sns.CallbackPrevFriendAdd', {
    From_Account: 'tom',
    FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2' }],
  });
  expect(prev.json.ResultItem).toMatchObject([
    { To_Account: 'id1', ResultCode: 0 },
    { To_Account: 'id2', ResultCode: 38001 },
  ]);
  await postCallback(engine.listenerUrl, 'Sns.CallbackFriendAdd', {
    PairList: [{ From_Account: 'tom', To_Account: 'id2', Initiator_Account: 'tom' }],
  });
  await flows.open();
  await expect(flows.row(/new "Team" by leckie/)).toContainText('1 missing');
  await flows.select(/new "Team" by leckie/);
  await expect(flows.reasons()).toContainText(
    'the callback is not enabled: switch on "After a Group Is Created" in the Chat console',
  );
  await expect(flows.row(/id1 ↔ tom/)).toContainText('1 missing');
  await expect(flows.row(/id2 ↔ tom/)).toContainText('1 unexpected');
  await flows.select(/id2 ↔ tom/);
  await expect(flows.timeline()).toContainText('deny 38001');
  await expect(flows.timeline()).toContainText('predicted blocked (38001)');
  await inspector.screenshot('flows-tencent-1024');
});

function runCli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

test('verify exits 0, 1 and 3; --session and --control agree', async ({ engine }) => {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-verify-'));
  try {
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob' });
    await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'alice', toUserID: 'bob' });
    await postCallback(engine.listenerUrl, 'C2C.CallbackBeforeSendMsg', { From_Account: 'tom', To_Account: 'ann' });
    const exported = await fetch(new URL('/api/export?format=json', engine.controlUrl), {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    const session = join(dir, 'session.json');
    writeFileSync(session, await exported.text());
    const file = (name: string, body: unknown): string => {
      writeFileSync(join(dir, name), JSON.stringify(body));
      return join(dir, name);
    };
    const met = file('met.json', {
      expect: [
        { id: 'ask', command: 'callbackBeforeAddFriendCommand', outcome: 'proceeds' },
        { id: 'stored', command: 'callbackAfterAddFriendCommand', after: 'ask', within: 10_000 },
        { dialect: 'tencent', command: 'C2C.*', where: [{ path: 'To_Account', op: 'equals', value: 'ann' }] },
      ],
      flows: { noUnexpected: true },
    });
    const unmet = file('unmet.json', {
      expect: [{ command: 'C2C.CallbackAfterSendMsg', where: [{ path: 'To_Account', op: 'equals', value: 'ann' }] }],
    });
    const control = ['--control', engine.controlUrl, '--token', engine.token];
    for (const [expectFile, code] of [
      [met, 0],
      [unmet, 1],
    ] as const) {
      const bySession = await runCli(['verify', expectFile, '--session', session, '--json']);
      const byControl = await runCli(['verify', expectFile, ...control, '--json']);
      expect(bySession.code, bySession.err).toBe(code);
      expect(byControl.code, byControl.err).toBe(code);
      expect(JSON.parse(byControl.out)).toEqual(JSON.parse(bySession.out));
    }
    const text = await runCli(['verify', unmet, ...control]);
    expect(text.out).toContain('UNMET  #1: no capture matched');
    expect(text.out).toMatch(/closest: #\d+ C2C\.CallbackBeforeSendMsg/);
    expect(text.out).toContain('command is C2C.CallbackBeforeSendMsg, expected C2C.CallbackAfterSendMsg');
    const badToken = await runCli(['verify', met, '--control', engine.controlUrl, '--token', 'wrong']);
    expect(badToken.code).toBe(3);
    expect(badToken.err).toContain('refused the token');
    const badFile = await runCli(['verify', file('bad.json', { expect: [{ command: 'x', count: -1 }] }), ...control]);
    expect(badFile.code).toBe(3);
    const badUrl = await runCli(['verify', met, '--control', 'http://127.0.0.1:1', '--token', engine.token]);
    expect(badUrl.code).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verify --wait passes once the awaited callback arrives; flows.noMissing fails on a step that never came', async ({
  engine,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-verify-wait-'));
  try {
    await engine.api.patchSettings({ flows: { settleMs: 300 } });
    const control = ['--control', engine.controlUrl, '--token', engine.token];
    const file = (name: string, body: unknown): string => {
      writeFileSync(join(dir, name), JSON.stringify(body));
      return join(dir, name);
    };
    await postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'ann', toUserID: 'ben' });
    const added = file('added.json', {
      expect: [
        { id: 'ask', command: 'callbackBeforeAddFriendCommand' },
        { command: 'callbackAfterAddFriendCommand', after: 'ask', within: 10_000 },
      ],
    });
    // The client's test is still running: verify waits for the after-callback (the README's CI recipe).
    const waiting = runCli(['verify', added, ...control, '--wait', '10000']);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await postCallback(engine.listenerUrl, 'callbackAfterAddFriendCommand', { fromUserID: 'ann', toUserID: 'ben' });
    const waited = await waiting;
    expect(waited.code, waited.out + waited.err).toBe(0);
    // Too short a wait for a step that never comes: unmet (1), not bad input.
    const never = file('never.json', { expect: [{ command: 'callbackAfterDeleteFriendCommand' }] });
    const timedOut = await runCli(['verify', never, ...control, '--wait', '500']);
    expect(timedOut.code).toBe(1);
    await postCallback(engine.listenerUrl, 'callbackBeforeSetFriendRemarkCommand', {
      ownerUserID: 'erin',
      friendUserID: 'frank',
    });
    await expect
      .poll(async () => (await engine.api.flows()).some((f) => f.expected.some((x) => x.status === 'missing')))
      .toBe(true);
    const exported = await fetch(new URL('/api/export?format=json', engine.controlUrl), {
      headers: { authorization: `Bearer ${engine.token}` },
    });
    const session = join(dir, 'session.json');
    writeFileSync(session, await exported.text());
    const complete = file('complete.json', {
      expect: [{ command: 'callbackBeforeSetFriendRemarkCommand' }],
      flows: { noMissing: true },
    });
    const bySession = await runCli(['verify', complete, '--session', session, '--json']);
    const byControl = await runCli(['verify', complete, ...control, '--json']);
    expect(bySession.code).toBe(1);
    expect(byControl.code).toBe(1);
    expect(JSON.parse(byControl.out)).toEqual(JSON.parse(bySession.out));
    const results: { id: string; met: boolean; problem?: string }[] = JSON.parse(byControl.out).results;
    expect(results.map((r) => [r.id, r.met])).toEqual([
      ['#1', true],
      ['flows.noMissing', false],
    ]);
    expect(results[1]?.problem).toContain(
      'erin ↔ frank: callbackAfterSetFriendRemarkCommand never came (the callback is not enabled: set afterSetFriendRemark.enable: true',
    );
    // Bad input is 3 whichever way the captures are read.
    const bad = file('bad.json', { expect: [{ command: 'x', count: -1 }] });
    expect((await runCli(['verify', bad, '--session', session])).code).toBe(3);
    expect((await runCli(['verify', bad, ...control])).code).toBe(3);
    expect((await runCli(['verify', complete, '--session', join(dir, 'absent.json')])).code).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
