import { describe, expect, it } from 'vitest';
import type { OpenImProfile } from '../../contract/settings.js';
import { checkAnswer } from '../answer-check.js';
import { predictOutcome } from '../outcome.js';
import type { AnswerFieldSpec, OutcomeInput } from '../types.js';
import { OPENIM_COMMANDS } from './catalogue/index.js';
import { copyRule } from './copy-rule.js';
import type { OpenImCommand } from './row.js';

/**
 * Every answer field of every OpenIM command reaches `outcome.rewrite` under its wire name, with the value the
 * server applies (research/openim: NotNilReplace copies any non-null value; push userIDList, register users and
 * import friendUserIDs only a non-empty one; message modify `content` is a JSON *string*).
 */

const ALLOW = { actionCode: 0, errCode: 0, errMsg: '', errDlt: '', nextCode: 0 };

/** A value of the field's JSON type that differs from every sample. */
function valueFor(spec: AnswerFieldSpec): unknown {
  switch (spec.type) {
    case 'string':
      return spec.jsonString ? '{"content":"rewritten"}' : 'rewritten';
    case 'number':
      return 3;
    case 'boolean':
      return true;
    case 'string[]':
      return ['user777'];
    case 'number[]':
      return [7];
    case 'object':
      return spec.name === 'options' ? { history: false } : { title: 'New title', desc: 'New text' };
    case 'object[]':
      return spec.name === 'users'
        ? [
            {
              userID: 'user777',
              nickname: 'Zed',
              faceURL: '',
              ex: '',
              createTime: 0,
              appMangerLevel: 0,
              globalRecvMsgOpt: 0,
            },
          ]
        : [{ userID: 'user456', nickname: 'Bob', muteEndTime: 1733590000000 }];
  }
}

/** The first version, newest first, that sends this name and reads the field. */
function profileFor(info: OpenImCommand, spec: AnswerFieldSpec): OpenImProfile | undefined {
  const profiles = info.legacy
    ? info.row.legacyNames?.find((l) => l.name === info.name)?.profiles
    : info.row.sends?.profiles;
  const order: OpenImProfile[] = ['v3.7+', 'v3.6', 'v3.4.2-v3.5', 'v3.0-v3.4.0'];
  return order.find((p) => (profiles === undefined || profiles.includes(p)) && copyRule(spec, p) !== 'never');
}

const input = (info: OpenImCommand, answer: Record<string, unknown>, version: OpenImProfile): OutcomeInput => ({
  dialect: 'openim',
  command: info.name,
  phase: info.phase,
  requestBody: info.sample ?? {},
  sent: { action: 'respond', status: 200, bodyText: JSON.stringify(answer) },
  elapsedMs: 10,
  serverTimeoutMs: 5000,
  profile: { dialect: 'openim', version },
});

const cases = OPENIM_COMMANDS.flatMap((info) =>
  info.answer.map((spec) => ({ info, spec, version: profileFor(info, spec) })),
);

describe('every OpenIM answer field reaches outcome.rewrite', () => {
  it('covers the answer fields of message modify, push, user, group, conversation and friend commands', () => {
    const names = new Set(cases.map((c) => c.info.row.family));
    expect([...names].sort()).toEqual(['conversation', 'group', 'message', 'push', 'relationship', 'user']);
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const { info, spec, version } of cases) {
    it(`${info.name} → ${spec.name} (${version})`, () => {
      expect(version, 'a version reads it').toBeDefined();
      if (version === undefined) return;
      const value = valueFor(spec);
      const outcome = predictOutcome(input(info, { ...ALLOW, [spec.name]: value }, version));
      expect(outcome.effect).toBe('proceeds');
      expect((outcome.rewrite as Record<string, unknown> | undefined)?.[spec.name]).toEqual(value);
    });
  }

  it('message modify content must be a JSON string: an object is a format error (90007) on v3.7+', () => {
    const modify = OPENIM_COMMANDS.find((c) => c.name === 'callbackBeforeMsgModifyCommand');
    if (!modify) throw new Error('catalogue');
    const outcome = predictOutcome(input(modify, { ...ALLOW, content: { content: 'x' } }, 'v3.7+'));
    expect(outcome).toMatchObject({ effect: 'fails', code: 90007 });
  });

  it('an empty string is applied where the server copies any non-null value (NotNilReplace), not where it needs non-empty', () => {
    const user = OPENIM_COMMANDS.find((c) => c.name === 'callbackBeforeUpdateUserInfoCommand');
    const push = OPENIM_COMMANDS.find((c) => c.name === 'callbackBeforeOfflinePushCommand');
    if (!user || !push) throw new Error('catalogue');
    const cleared = predictOutcome(input(user, { ...ALLOW, nickName: '' }, 'v3.7+'));
    expect(cleared.rewrite).toEqual({ nickName: '' });
    const kept = predictOutcome(input(user, { ...ALLOW, nickName: null }, 'v3.7+'));
    expect(kept.rewrite).toBeUndefined();
    const none = predictOutcome(input(push, { ...ALLOW, userIDList: [] }, 'v3.7+'));
    expect(none.rewrite).toBeUndefined();
  });

  it('set-group-info: v3.7+ copies groupID even when absent (→ ""); v3.4.2–v3.6 do not read it', () => {
    const info = OPENIM_COMMANDS.find((c) => c.name === 'callbackBeforeSetGroupInfoCommand');
    if (!info) throw new Error('catalogue');
    const v37 = predictOutcome(input(info, ALLOW, 'v3.7+'));
    expect(v37.rewrite).toMatchObject({ groupID: '', groupName: '', faceURL: '', introduction: '' });
    const v36 = predictOutcome(input(info, { ...ALLOW, groupName: 'X' }, 'v3.6'));
    expect(v36.rewrite).toBeUndefined();
  });
});

describe('OpenIM answers per command family', () => {
  const find = (name: string) => {
    const info = OPENIM_COMMANDS.find((c) => c.name === name);
    if (!info) throw new Error(name);
    return info;
  };

  it('a push deny or failure only skips the push (internal/push/push_handler.go): the message is kept', () => {
    const push = find('callbackBeforeOfflinePushCommand');
    const denied = predictOutcome(input(push, { ...ALLOW, errCode: 5001, errMsg: 'no', nextCode: 1 }, 'v3.7+'));
    expect(denied.effect).toBe('blocked');
    expect(denied.explanation).toMatch(/skips the offline push: the message is already stored/);
    const late = predictOutcome({ ...input(push, ALLOW, 'v3.7+'), elapsedMs: 6000 });
    expect(late).toMatchObject({ effect: 'fails', code: 90004 });
    expect(late.explanation).toMatch(/skips the offline push .* already stored/);
  });

  it('message modify: main rejects a content that is not JSON object text (a warning, as v3.7.0–v3.8.3 accept it)', () => {
    const modify = find('callbackBeforeMsgModifyCommand');
    const check = (content: string) =>
      checkAnswer(input(modify, { ...ALLOW, content }, 'v3.7+')).findings.map((f) => f.code);
    expect(check('hello')).toContain('answer-content-not-json');
    expect(check('["a"]')).toContain('answer-content-not-json');
    expect(check('{"content":"hello"}')).not.toContain('answer-content-not-json');
  });

  it('online status: v3.8.0–v3.8.1 never send it (the call is commented out), said as a note', () => {
    const online = find('callbackAfterUserOnlineCommand');
    const notes = checkAnswer(input(online, ALLOW, 'v3.7+')).findings;
    expect(notes.map((f) => [f.level, f.code])).toContainEqual(['info', 'command-version']);
    expect(notes.map((f) => f.message).join(' ')).toMatch(/v3\.8\.0–v3\.8\.1 never send/);
  });
});
