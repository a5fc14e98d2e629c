import { afterEach, describe, expect, it } from 'vitest';
import { type Rule, type RuleInput, RuleSchema } from '../../../shared/contract/index.js';
import { post, startTestEngine, type TestEngine } from '../testing/test-support.js';

let engine: TestEngine;
afterEach(async () => engine?.stop());

const rule = (input: RuleInput): Rule => RuleSchema.parse(input);
const ADD = '/callbackExample/callbackBeforeAddFriendCommand';
const addBody = (from: string) =>
  JSON.stringify({
    callbackCommand: 'callbackBeforeAddFriendCommand',
    fromUserID: from,
    toUserID: 'u2',
    reqMsg: 'hi',
    ex: '',
  });
const PREV_ADD = '/tc?SdkAppid=1400000000&CallbackCommand=Sns.CallbackPrevFriendAdd&contenttype=json';
const prevAddBody = (...to: string[]) =>
  JSON.stringify({
    CallbackCommand: 'Sns.CallbackPrevFriendAdd',
    From_Account: 'id',
    FriendItem: to.map((t) => ({
      To_Account: t,
      Remark: '',
      GroupName: [],
      AddSource: 'AddSource_Type_Android',
      AddWording: '',
    })),
    AddType: 'Add_Type_Both',
    ForceAddFlags: 0,
  });

describe('decisions: rules over the default', () => {
  it('applies the first matching enabled rule and names it', async () => {
    engine = await startTestEngine({
      rules: [
        rule({ id: 'off', enabled: false, action: { type: 'answer', decision: { verdict: 'deny', code: 7001 } } }),
        rule({
          id: 'deny-spammer',
          match: {
            dialect: 'openim',
            command: '*AddFriend*',
            where: [{ path: 'fromUserID', op: 'equals', value: 'spammer' }],
          },
          action: { type: 'answer', decision: { verdict: 'deny', code: 5002, message: 'spam' } },
        }),
        rule({ id: 'later', action: { type: 'answer', decision: { verdict: 'deny', code: 7002 } } }),
      ],
    });
    const denied = JSON.parse((await post(engine.url, ADD, addBody('spammer'))).text);
    expect(denied).toEqual({ actionCode: 0, errCode: 5002, errMsg: 'spam', errDlt: '', nextCode: 1 });
    const other = JSON.parse((await post(engine.url, ADD, addBody('friend'))).text);
    expect(other).toMatchObject({ errCode: 7002, nextCode: 1 });
    const [first, second] = engine.core.allCaptures();
    expect(first?.decidedBy).toBe('rule:deny-spammer');
    expect(first?.outcome?.effect).toBe('blocked');
    expect(second?.decidedBy).toBe('rule:later');
    const stats = engine.core.getRules().map((r) => [r.id, r.hits]);
    expect(stats).toEqual([
      ['off', 0],
      ['deny-spammer', 1],
      ['later', 1],
    ]);
  });

  it('matches Tencent array items and answers per target', async () => {
    engine = await startTestEngine({
      rules: [
        rule({
          id: 'no-id2',
          match: { dialect: 'tencent', where: [{ path: 'FriendItem[].To_Account', op: 'equals', value: 'id2' }] },
          action: {
            type: 'answer',
            decision: { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38002 } } },
          },
        }),
      ],
    });
    const hit = JSON.parse((await post(engine.url, PREV_ADD, prevAddBody('id1', 'id2'))).text);
    expect(hit.ResultItem).toEqual([
      { To_Account: 'id1', ResultCode: 0, ResultInfo: '' },
      expect.objectContaining({ To_Account: 'id2', ResultCode: 38002 }),
    ]);
    const miss = JSON.parse((await post(engine.url, PREV_ADD, prevAddBody('id1', 'id3'))).text);
    expect(miss.ResultItem.every((i: { ResultCode: number }) => i.ResultCode === 0)).toBe(true);
    expect(engine.core.allCaptures().map((c) => c.decidedBy)).toEqual(['rule:no-id2', 'default']);
  });

  it('stops matching a rule after `times` uses and reports what remains', async () => {
    engine = await startTestEngine({
      rules: [rule({ id: 'twice', times: 2, action: { type: 'answer', decision: { verdict: 'deny' } } })],
    });
    expect(engine.core.getRules()[0]).toMatchObject({ hits: 0, remaining: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 3; i += 1) codes.push(JSON.parse((await post(engine.url, ADD, addBody('x'))).text).nextCode);
    expect(codes).toEqual([1, 1, 0]);
    expect(engine.core.getRules()[0]).toMatchObject({ hits: 2, remaining: 0 });
    await engine.waitForEvent((e) => e.type === 'rules.changed');
  });

  it('keeps counters across setRules for unchanged rules and announces the change', async () => {
    const r = rule({ id: 'r', action: { type: 'answer', decision: { verdict: 'allow' } } });
    engine = await startTestEngine({ rules: [r] });
    await post(engine.url, ADD, addBody('x'));
    await engine.core.setRules([r, rule({ id: 'n', times: 3, action: { type: 'hold' } })]);
    expect(engine.core.getRules().map((x) => [x.id, x.hits, x.remaining])).toEqual([
      ['r', 1, null],
      ['n', 0, 3],
    ]);
    const changed = engine.events.filter((e) => e.type === 'rules.changed').at(-1);
    expect(changed?.type === 'rules.changed' && changed.rules.map((x) => x.id)).toEqual(['r', 'n']);
  });

  it('emits capture.added with the summary once per directly answered request', async () => {
    engine = await startTestEngine();
    await post(engine.url, ADD, addBody('alice'));
    const added = engine.events.filter((e) => e.type === 'capture.added');
    expect(added).toHaveLength(1);
    const summary = added[0]?.type === 'capture.added' ? added[0].capture : undefined;
    expect(summary?.state).toBe('answered');
    expect(summary?.summary.parties).toContain('alice');
    expect(summary && 'bodyText' in summary.request).toBe(false);
    expect(engine.events.some((e) => e.type === 'capture.updated')).toBe(false);
  });
});
