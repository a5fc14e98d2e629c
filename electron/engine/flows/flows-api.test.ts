import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent, Flow, FlowListResponse, Rule } from '../../../shared/contract/index.js';
import { createEngine, type Engine } from '../engine.js';
import { post, removeDir, tempDir } from '../testing/test-support.js';

let engine: Engine | null = null;
let dir: string | null = null;
afterEach(async () => {
  await engine?.stop();
  engine = null;
  await removeDir(dir);
  dir = null;
});

const start = async (settleMs = 10_000, rules: Rule[] = []) => {
  dir = await tempDir();
  engine = createEngine({
    dataDir: dir,
    controlPort: 0,
    settings: { listener: { host: '127.0.0.1', port: 0 }, flows: { enabled: true, settleMs } },
    rules,
    version: '9.9.9',
  });
  await engine.start();
  return engine;
};

/** Resolves with the first `flow.updated` whose flow satisfies the predicate (events only: no polling). */
const flowEvent = (e: Engine, predicate: (flow: Flow) => boolean): Promise<Flow> =>
  new Promise((resolve) => {
    const off = e.subscribe((event: EngineEvent) => {
      if (event.type !== 'flow.updated' || !predicate(event.flow)) return;
      off();
      resolve(structuredClone(event.flow));
    });
  });

async function api<T>(e: Engine, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await fetch(`${e.controlUrl()}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${e.token}`, 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as T };
}

const openim = (e: Engine, command: string, body: object) =>
  post(e.listenerUrl(), `/callbackExample/${command}`, JSON.stringify({ callbackCommand: command, ...body }));
const ADD = { fromUserID: 'alice', toUserID: 'bob', reqMsg: 'hi', ex: '' };

describe('flows in the engine (GET /api/flows, flow events)', () => {
  it('shows a complete friend-request flow: before-add then after-add, nothing expected', async () => {
    const e = await start();
    const done = flowEvent(e, (f) => f.steps.length === 2);
    expect((await openim(e, 'callbackBeforeAddFriendCommand', ADD)).status).toBe(200);
    expect((await openim(e, 'callbackAfterAddFriendCommand', ADD)).status).toBe(200);
    const flow = await done;
    expect(flow).toMatchObject({ key: 'openim:pair:alice|bob', family: 'relationship', parties: ['alice', 'bob'] });
    expect(flow.expected).toEqual([]);
    const { status, body } = await api<FlowListResponse>(e, '/api/flows?limit=10');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.steps.map((s) => [s.command, s.effect, s.answer])).toEqual([
      ['callbackBeforeAddFriendCommand', 'proceeds', 'allow'],
      ['callbackAfterAddFriendCommand', 'ignored', 'allow'],
    ]);
  });

  it('turns a missing after-callback into `missing` after settleMs, naming the webhooks.yml key', async () => {
    const e = await start(50);
    const missing = flowEvent(e, (f) => f.expected[0]?.status === 'missing');
    await openim(e, 'callbackBeforeSetFriendRemarkCommand', { ownerUserID: 'alice', friendUserID: 'bob', remark: 'B' });
    const flow = await missing;
    expect(flow.expected[0]?.command).toBe('callbackAfterSetFriendRemarkCommand');
    expect(flow.expected[0]?.reasons[0]).toBe(
      'the callback is not enabled: set afterSetFriendRemark.enable: true in config/webhooks.yml',
    );
    const { body } = await api<FlowListResponse>(e, '/api/flows?q=bob');
    expect(body.items[0]?.expected[0]?.status).toBe('missing');
  });

  it('marks an after-callback that arrives after a predicted block as unexpected', async () => {
    const deny: Rule = {
      id: 'deny-add',
      name: '',
      enabled: true,
      match: { dialect: 'openim', command: 'callbackBeforeAddFriendCommand', where: [] },
      action: { type: 'answer', decision: { verdict: 'deny', code: 5002 } },
      times: null,
    };
    const e = await start(10_000, [deny]);
    const seen = flowEvent(e, (f) => f.steps.length === 2);
    await openim(e, 'callbackBeforeAddFriendCommand', ADD);
    await openim(e, 'callbackAfterAddFriendCommand', ADD);
    const flow = await seen;
    expect(flow.steps[0]).toMatchObject({ effect: 'blocked', code: 5002, answer: 'deny 5002' });
    expect(flow.steps[1]).toMatchObject({ unexpected: true });
    expect(flow.expected).toEqual([]);
  });

  it('joins a Tencent PrevFriendAdd to one flow per target, and clears flows with the captures', async () => {
    const e = await start();
    const both = new Promise<string[]>((resolve) => {
      const keys = new Set<string>();
      const off = e.subscribe((event) => {
        if (event.type === 'flow.updated') keys.add(event.flow.key);
        if (keys.size < 2) return;
        off();
        resolve([...keys].sort());
      });
    });
    const body = {
      CallbackCommand: 'Sns.CallbackPrevFriendAdd',
      Requester_Account: 'id',
      From_Account: 'id',
      FriendItem: [{ To_Account: 'id1' }, { To_Account: 'id2' }],
      AddType: 'Add_Type_Both',
      ForceAddFlags: 0,
      EventTime: Date.now(),
    };
    await post(e.listenerUrl(), '/?CallbackCommand=Sns.CallbackPrevFriendAdd&SdkAppid=1', JSON.stringify(body));
    expect(await both).toEqual(['tencent:pair:id|id1', 'tencent:pair:id|id2']);
    const { body: listed } = await api<FlowListResponse>(e, '/api/flows');
    expect(listed.items.map((f) => f.expected[0]?.command)).toEqual(['Sns.CallbackFriendAdd', 'Sns.CallbackFriendAdd']);
    const cleared = new Promise<void>((resolve) => {
      const off = e.subscribe((event) => {
        if (event.type !== 'flows.cleared') return;
        off();
        resolve();
      });
    });
    expect((await api(e, '/api/captures', { method: 'DELETE' })).status).toBe(200);
    await cleared;
    expect((await api<FlowListResponse>(e, '/api/flows')).body.items).toEqual([]);
  });

  it('derives nothing while flows.enabled is false, and rejects a bad settle time', async () => {
    const e = await start();
    const off = await api(e, '/api/settings', { method: 'PATCH', body: JSON.stringify({ flows: { enabled: false } }) });
    expect(off.status).toBe(200);
    await openim(e, 'callbackAfterAddFriendCommand', ADD);
    // The capture is stored (and the listener answered) before the API reads flows: none was derived.
    expect((await api<{ total: number }>(e, '/api/captures')).body.total).toBe(1);
    expect((await api<FlowListResponse>(e, '/api/flows')).body.items).toEqual([]);
    const bad = await api(e, '/api/settings', { method: 'PATCH', body: JSON.stringify({ flows: { settleMs: -1 } }) });
    expect(bad.status).toBe(400);
    const query = await api(e, '/api/flows?limit=0');
    expect(query.status).toBe(400);
  });

  it('rebuilds flows from the capture log after a restart', async () => {
    const first = await start();
    const seen = flowEvent(first, (f) => f.steps.length === 2);
    await openim(first, 'callbackBeforeAddFriendCommand', ADD);
    await openim(first, 'callbackAfterAddFriendCommand', ADD);
    await seen;
    await first.stop();
    engine = createEngine({
      dataDir: dir,
      controlPort: 0,
      settings: { listener: { host: '127.0.0.1', port: 0 } },
      version: '9.9.9',
    });
    await engine.start();
    const { body } = await api<FlowListResponse>(engine, '/api/flows');
    expect(body.items.map((f) => [f.key, f.steps.length, f.expected.length])).toEqual([
      ['openim:pair:alice|bob', 2, 0],
    ]);
  });

  it('numbers an imported capture’s step as the capture is numbered everywhere: its recorded number', async () => {
    const e = await start();
    for (const user of ['ann', 'ben']) await openim(e, 'callbackBeforeAddFriendCommand', { ...ADD, fromUserID: user });
    const session = await fetch(`${e.controlUrl()}/api/export?format=json`, {
      headers: { authorization: `Bearer ${e.token}` },
    }).then((r) => r.text());
    await api(e, '/api/captures', { method: 'DELETE' });
    // This engine counts on (#3 next); the imported captures keep #1 and #2, in the flows too.
    const imported = flowEvent(e, (f) => f.parties.includes('ben'));
    await api(e, '/api/import', { method: 'POST', body: session });
    expect((await imported).steps.map((s) => s.seq)).toEqual([2]);
  });
});
