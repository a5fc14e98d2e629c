import { describe, expect, it } from 'vitest';
import { validateRules } from '../rules/validate-rules.js';
import { buildAnswer, decisionProblems } from './answer.js';
import { findCommand } from './catalogue.js';
import { openImAnswer } from './openim/answer.js';
import { tencentCommand } from './tencent/catalogue/index.js';
import { errorCodeOutcome } from './tencent/outcome.js';
import type { AnswerFieldSpec, CommandInfo, Identification, OutcomeInput } from './types.js';

/** Issue 21 item 2: rewrite by wire name from the catalogue, the command's documented deny, ErrorCode 2. */

const info = (name: string): CommandInfo => {
  const found = findCommand(name);
  if (!found) throw new Error(name);
  return found;
};
const idOf = (name: string): Identification => {
  const c = info(name);
  return { dialect: c.dialect, command: name, phase: c.phase, via: 'path', info: c };
};
const C2C = 'C2C.CallbackBeforeSendMsg';
const rule = (command: string, decision: unknown) => ({
  id: 'r',
  match: { command },
  action: { type: 'answer', decision },
});

describe('rewrite takes every answer field of the command, by wire name', () => {
  it('lists the allowed fields when one is not the command', () => {
    const remark = info('callbackBeforeSetFriendRemarkCommand');
    expect(decisionProblems({ verdict: 'allow', rewrite: { remark: 'ok' } }, [remark])).toEqual([]);
    expect(decisionProblems({ verdict: 'allow', rewrite: { Remark: 'x' } }, [remark])).toEqual([
      {
        path: 'rewrite.Remark',
        message:
          'the server reads no "Remark" in the answer to callbackBeforeSetFriendRemarkCommand; rewrite takes: remark',
      },
    ]);
    expect(
      decisionProblems({ verdict: 'allow', rewrite: { remark: 'x' } }, [info('callbackBeforeAddFriendCommand')]),
    ).toMatchObject([{ path: 'rewrite.remark', message: expect.stringContaining('no rewritable field') }]);
    expect(decisionProblems({ verdict: 'allow', rewrite: { MsgBody: 'x' } }, [info(C2C)])).toEqual([
      { path: 'rewrite.MsgBody', message: 'MsgBody must be an array of objects' },
    ]);
  });

  it('checks rules against every command their glob matches', () => {
    expect(validateRules([rule('*Remark*', { verdict: 'allow', rewrite: { remark: 'x' } })]).ok).toBe(true);
    expect(validateRules([rule('C2C.*', { verdict: 'allow', rewrite: { CloudCustomData: 'c' } })]).ok).toBe(true);
    const bad = validateRules([rule('callbackBeforeAddFriendCommand', { verdict: 'allow', rewrite: { ex: 'x' } })]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.path).toBe('[0].action.decision.rewrite.ex');
  });

  it('writes every rewritten field into the answer; a JSON-string field given as JSON goes out as a string', () => {
    const c2c = buildAnswer(idOf(C2C), {}, { verdict: 'allow', rewrite: { MsgBody: [{ MsgType: 'TIMTextElem' }] } });
    expect(JSON.parse(c2c.bodyText)).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MsgBody: [{ MsgType: 'TIMTextElem' }],
    });
    // A message-modify-like answer field (`Content *string`): the row marks it jsonString.
    const content: AnswerFieldSpec = {
      name: 'content',
      type: 'string',
      effect: 'x',
      applies: 'non-empty',
      jsonString: true,
    };
    const answer = openImAnswer({ verdict: 'allow', rewrite: { content: { content: 'hi' } } }, undefined, [content]);
    expect(answer.content).toBe('{"content":"hi"}');
  });
});

describe("the command's documented deny", () => {
  it('Tencent C2C: ErrorCode in 120001–130000 or 1 on an OK answer; another code is a 400 naming the range', () => {
    expect(decisionProblems({ verdict: 'deny', code: 120_001 }, [info(C2C)])).toEqual([]);
    expect(decisionProblems({ verdict: 'deny', code: 1 }, [info(C2C)])).toEqual([]);
    expect(decisionProblems({ verdict: 'deny', code: 38_001 }, [info(C2C)])).toEqual([
      { path: 'code', message: `${C2C} denies with ErrorCode 1 or 120001–130000; 38001 is outside that range` },
    ]);
    const deny = buildAnswer(idOf(C2C), {}, { verdict: 'deny', code: 130_000, message: 'no' });
    expect(JSON.parse(deny.bodyText)).toEqual({ ActionStatus: 'OK', ErrorCode: 130_000, ErrorInfo: 'no' });
    // A rule for every command may carry an OpenIM code: the C2C answer then uses the plain deny, 1.
    expect(validateRules([rule('*', { verdict: 'deny', code: 5002 })]).ok).toBe(true);
    expect(validateRules([rule(C2C, { verdict: 'deny', code: 5002 })]).ok).toBe(false);
  });

  it('OpenIM: actionCode 0, nextCode 1', () => {
    const deny = buildAnswer(idOf('callbackBeforeSendSingleMsgCommand'), {}, { verdict: 'deny' });
    expect(JSON.parse(deny.bodyText)).toMatchObject({ actionCode: 0, nextCode: 1, errCode: 5001 });
  });
});

describe('Tencent ErrorCode 2', () => {
  const input = (bodyText: string): OutcomeInput => ({
    dialect: 'tencent',
    command: C2C,
    phase: 'before',
    requestBody: {},
    sent: { action: 'respond', status: 200, bodyText },
    elapsedMs: 1,
    serverTimeoutMs: 2000,
    profile: { dialect: 'tencent', policy: 'fail-open' },
  });
  it('is "dropped" on a row that documents it, and follows the failure policy on one that does not', () => {
    const c2c = tencentCommand(C2C);
    if (!c2c) throw new Error(C2C);
    const drop = input('{"ActionStatus":"OK","ErrorCode":2}');
    const withDrop = { ...c2c, row: { ...c2c.row, drop: true } };
    expect(errorCodeOutcome(drop, 'fail-open', withDrop)).toMatchObject({ effect: 'dropped', code: 2 });
    const without = { ...c2c, row: { ...c2c.row, drop: false } };
    expect(errorCodeOutcome(drop, 'fail-closed', without).effect).toBe('fails');
  });
});
