import { describe, expect, it } from 'vitest';
import type { Decision } from '../contract/decision.js';
import { buildAnswer, dialectDefaults, tencentTargets } from './answer.js';
import { findCommand } from './catalogue.js';
import type { Identification } from './types.js';

const idFor = (name: string): Identification => {
  const info = findCommand(name);
  if (!info) throw new Error(`not catalogued: ${name}`);
  return { dialect: info.dialect, command: name, phase: info.phase, via: 'body', info };
};
const sample = (name: string) => findCommand(name)?.sample;
const ADD = idFor('callbackBeforeAddFriendCommand');
const PREV = idFor('Sns.CallbackPrevFriendAdd');
const PREV_RESP = idFor('Sns.CallbackPrevFriendResponse');
const TAFTER = idFor('Sns.CallbackFriendAdd');
const answer = (id: Identification, d: Decision) => buildAnswer(id, sample(id.command ?? ''), d);

describe('buildAnswer: OpenIM', () => {
  it('allows with the exact all-version answer and JSON headers', () => {
    const a = answer(ADD, { verdict: 'allow' });
    expect(a).toMatchObject({ action: 'respond', status: 200, delayMs: 0 });
    expect(a.bodyText).toBe('{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}');
    expect(a.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(a.fault).toBeUndefined();
  });

  it('denies with actionCode 0, nextCode 1 and the given or default code', () => {
    expect(answer(ADD, { verdict: 'deny', code: 5002, message: 'spam', detail: 'listed' }).bodyText).toBe(
      '{"actionCode":0,"errCode":5002,"errMsg":"spam","errDlt":"listed","nextCode":1}',
    );
    expect(JSON.parse(answer(ADD, { verdict: 'deny' }).bodyText)).toEqual({
      actionCode: 0,
      errCode: 5001,
      errMsg: 'denied by app backend',
      errDlt: '',
      nextCode: 1,
    });
  });

  it('adds rewrite fields', () => {
    const remark = answer(idFor('callbackBeforeSetFriendRemarkCommand'), {
      verdict: 'allow',
      rewrite: { remark: 'Bob' },
    });
    expect(JSON.parse(remark.bodyText)).toMatchObject({ nextCode: 0, remark: 'Bob' });
    const list = answer(idFor('callbackBeforeImportFriendsCommand'), {
      verdict: 'allow',
      rewrite: { friendUserIDs: ['u1'] },
    });
    expect(JSON.parse(list.bodyText)).toMatchObject({ friendUserIDs: ['u1'] });
  });

  it('merges override last, at top level, __proto__ as a plain field (never the prototype)', () => {
    const override = JSON.parse('{"nextCode":"1","extra":{"a":1},"__proto__":{"polluted":true}}');
    const a = answer(ADD, { verdict: 'allow', override });
    const body = JSON.parse(a.bodyText);
    expect(body).toMatchObject({ nextCode: '1', extra: { a: 1 } });
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect(body.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown dialects OpenIM-style', () => {
    const a = buildAnswer({ dialect: 'unknown', command: null, phase: 'unknown', via: 'none' }, undefined, {
      verdict: 'allow',
    });
    expect(JSON.parse(a.bodyText)).toEqual({ actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 });
  });

  it('copies delayMs', () => {
    expect(answer(ADD, { verdict: 'allow', delayMs: 1500 }).delayMs).toBe(1500);
  });
});

describe('buildAnswer: faults', () => {
  it('http-status keeps the JSON body', () => {
    const a = answer(ADD, { verdict: 'allow', fault: { type: 'http-status' } });
    expect(a).toMatchObject({ action: 'respond', status: 500, fault: 'http-status' });
    expect(JSON.parse(a.bodyText)).toMatchObject({ nextCode: 0 });
    expect(answer(ADD, { verdict: 'allow', fault: { type: 'http-status', status: 503 } }).status).toBe(503);
  });

  it('invalid-json sends a truncated, unparsable body with 200', () => {
    for (const id of [ADD, PREV, TAFTER]) {
      const a = answer(id, { verdict: 'allow', fault: { type: 'invalid-json' } });
      expect(a.status).toBe(200);
      expect(a.bodyText.length).toBeGreaterThan(0);
      expect(() => JSON.parse(a.bodyText)).toThrow();
    }
  });

  it('string-codes writes every number as a string', () => {
    const a = answer(ADD, { verdict: 'allow', fault: { type: 'string-codes' } });
    expect(a.bodyText).toBe('{"actionCode":"0","errCode":"0","errMsg":"","errDlt":"","nextCode":"0"}');
    const t = JSON.parse(answer(PREV, { verdict: 'deny', fault: { type: 'string-codes' } }).bodyText);
    expect(t.ErrorCode).toBe('0');
    expect(t.ResultItem[0].ResultCode).toBe('38001');
  });

  it('empty-body sends 200 with nothing', () => {
    expect(answer(ADD, { verdict: 'allow', fault: { type: 'empty-body' } })).toMatchObject({
      status: 200,
      bodyText: '',
      headers: {},
    });
  });

  it('no-response, close and reset send nothing', () => {
    for (const type of ['no-response', 'close', 'reset'] as const) {
      const a = answer(ADD, { verdict: 'allow', fault: { type }, delayMs: 10 });
      expect(a).toMatchObject({ action: type, bodyText: '', fault: type, delayMs: 10 });
    }
  });
});

describe('buildAnswer: Tencent', () => {
  it('allows every PrevFriendAdd target', () => {
    expect(JSON.parse(answer(PREV, { verdict: 'allow' }).bodyText)).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ResultItem: [
        { To_Account: 'id1', ResultCode: 0, ResultInfo: '' },
        { To_Account: 'id2', ResultCode: 0, ResultInfo: '' },
      ],
    });
  });

  it('denies every target by default with 38001, per-target overrides win', () => {
    const all = JSON.parse(answer(PREV_RESP, { verdict: 'deny', message: 'no' }).bodyText);
    expect(all.ErrorCode).toBe(0);
    expect(all.ResultItem).toEqual([
      { To_Account: 'id1', ResultCode: 38001, ResultInfo: 'no' },
      { To_Account: 'id2', ResultCode: 38001, ResultInfo: 'no' },
    ]);
    const mixed = JSON.parse(
      answer(PREV, { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38002, message: 'spam' } } }).bodyText,
    );
    expect(mixed.ResultItem).toEqual([
      { To_Account: 'id1', ResultCode: 0, ResultInfo: '' },
      { To_Account: 'id2', ResultCode: 38002, ResultInfo: 'spam' },
    ]);
    const denyButOne = JSON.parse(answer(PREV, { verdict: 'deny', targets: { id1: { verdict: 'allow' } } }).bodyText);
    expect(denyButOne.ResultItem.map((r: { ResultCode: number }) => r.ResultCode)).toEqual([0, 38001]);
  });

  it('does not read prototype members as targets', () => {
    const body = {
      CallbackCommand: 'Sns.CallbackPrevFriendAdd',
      FriendItem: [{ To_Account: 'constructor' }, { To_Account: '__proto__' }],
    };
    const a = JSON.parse(buildAnswer(PREV, body, { verdict: 'allow', targets: {} }).bodyText);
    expect(a.ResultItem.map((r: { ResultCode: number }) => r.ResultCode)).toEqual([0, 0]);
  });

  // The after-callback pages (intl.cloud.tencent.com/document/product/1047/34359 "ErrorCode: 0 success, 1 failure")
  // define only 0 and 1: a deny code given for an after-callback is not used as its ErrorCode.
  it('answers after-callbacks OK, or FAIL with ErrorCode 1 on deny', () => {
    expect(JSON.parse(answer(TAFTER, { verdict: 'allow' }).bodyText)).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
    });
    expect(JSON.parse(answer(TAFTER, { verdict: 'deny' }).bodyText)).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 1,
      ErrorInfo: '',
    });
    expect(JSON.parse(answer(TAFTER, { verdict: 'deny', code: 38001, message: 'x' }).bodyText)).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 1,
      ErrorInfo: 'x',
    });
  });

  it('extracts targets from hostile bodies without throwing', () => {
    expect(
      tencentTargets('Sns.CallbackPrevFriendAdd', {
        FriendItem: [null, 1, 'x', [], { To_Account: 5 }, { To_Account: 'ok' }],
      }),
    ).toEqual(['ok']);
    expect(tencentTargets('Sns.CallbackPrevFriendAdd', [1, 2])).toEqual([]);
    expect(tencentTargets('constructor', {})).toEqual([]);
    expect(tencentTargets(null, {})).toEqual([]);
  });

  it('never throws on unserialisable overrides', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const body = JSON.parse(answer(ADD, { verdict: 'allow', override: { cyclic, big: 10n, ok: 1 } }).bodyText);
    expect(body).toMatchObject({ nextCode: 0, cyclic: '[unserialisable]', big: '[unserialisable]', ok: 1 });
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => answer(ADD, { verdict: 'allow', override: { deep } })).not.toThrow();
  });
});

describe('dialectDefaults', () => {
  it('gives deny codes and presets', () => {
    expect(dialectDefaults('openim')).toMatchObject({ denyCode: 5001 });
    expect(dialectDefaults('unknown').denyCode).toBe(5001);
    expect(dialectDefaults('tencent')).toMatchObject({ denyCode: 38001 });
    const codes = dialectDefaults('openim').presets.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining([5001, 5002, 20001, 50]));
    expect(dialectDefaults('openim').presets.find((p) => p.code === 50)?.label).toMatch(/500/);
    expect(dialectDefaults('tencent').presets.map((p) => p.code)).toEqual(expect.arrayContaining([38001, 38002]));
  });
});

describe('buildAnswer: raw answers', () => {
  it('sends the exact status, headers and body, ignoring the structured fields, and keeps the delay', () => {
    const a = answer(PREV, {
      verdict: 'deny',
      fault: { type: 'reset' },
      delayMs: 40,
      raw: { status: 202, headers: { 'x-test': '1' }, bodyText: '{"ActionStatus":"OK"}' },
    });
    expect(a).toEqual({
      action: 'respond',
      delayMs: 40,
      status: 202,
      headers: { 'x-test': '1' },
      bodyText: '{"ActionStatus":"OK"}',
    });
  });

  it('defaults to JSON headers when the raw answer names none', () => {
    const a = answer(ADD, { verdict: 'allow', raw: { status: 200, bodyText: 'not json' } });
    expect(a.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(a.bodyText).toBe('not json');
  });
});
