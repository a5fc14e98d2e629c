import { describe, expect, it } from 'vitest';
import type { Decision } from '../../contract/decision.js';
import { TENCENT_PROFILES, type TencentProfile } from '../../contract/settings.js';
import { buildAnswer, tencentTargets } from '../answer.js';
import { catalogue, findCommand } from '../catalogue.js';
import { predictOutcome } from '../outcome.js';
import { sampleId, sampleOutcomeInput } from '../testing/outcome-input.js';
import type { CommandInfo, OutcomeInput } from '../types.js';
import { tencentOutcome } from './outcome.js';

const tencentCommands = catalogue.filter((c) => c.dialect === 'tencent');

/** Every Decision kind the engine can answer with, plus per-target verdicts naming the sample's first target. */
function decisionsFor(info: CommandInfo): Decision[] {
  const first = tencentTargets(info.name, info.sample)[0] ?? 'nobody';
  return [
    { verdict: 'allow' },
    { verdict: 'allow', delayMs: 5 },
    { verdict: 'deny' },
    { verdict: 'deny', code: 42, message: 'low code', detail: 'd' },
    { verdict: 'deny', code: 30001, message: 'm' },
    { verdict: 'deny', targets: { [first]: { verdict: 'allow' } } },
    { verdict: 'allow', targets: { [first]: { verdict: 'deny', code: 7, message: 'no' } } },
    { verdict: 'allow', override: { ErrorCode: 1 } },
    { verdict: 'allow', override: { ActionStatus: 'FAIL' } },
    { verdict: 'allow', override: { ResultItem: [] } },
    { verdict: 'allow', override: { ResultItem: [{ To_Account: first, ResultCode: '1' }] } },
    { verdict: 'allow', fault: { type: 'http-status', status: 500 } },
    { verdict: 'deny', fault: { type: 'invalid-json' } },
    { verdict: 'deny', fault: { type: 'string-codes' } },
    { verdict: 'allow', fault: { type: 'empty-body' } },
    { verdict: 'allow', fault: { type: 'no-response' } },
    { verdict: 'allow', fault: { type: 'close' } },
    { verdict: 'allow', fault: { type: 'reset' } },
  ];
}

const idOf = sampleId;
const inputFor = (info: CommandInfo, decision: Decision, policy: TencentProfile, elapsedMs?: number): OutcomeInput =>
  sampleOutcomeInput(info, decision, { dialect: 'tencent', policy }, elapsedMs);

describe('memoised Tencent outcome', () => {
  it('equals the full prediction for every command, Decision kind and policy, on first and repeated calls', () => {
    expect(tencentCommands.length).toBeGreaterThan(0);
    for (const info of tencentCommands) {
      for (const decision of decisionsFor(info)) {
        for (const policy of TENCENT_PROFILES) {
          const input = inputFor(info, decision, policy);
          const slow = tencentOutcome(input, policy);
          expect(predictOutcome(input), `${info.name} ${JSON.stringify(decision)} ${policy}`).toEqual(slow);
          expect(predictOutcome(input)).toEqual(slow);
        }
      }
    }
  });

  it('keys on the request targets: the same answer text reads differently for other accounts', () => {
    const info = findCommand('Sns.CallbackPrevFriendAdd', 'tencent') as CommandInfo; // catalogued
    const input = inputFor(info, { verdict: 'allow' }, 'fail-open');
    const first = predictOutcome(input);
    const other = { ...input, requestBody: { ...info.sample, FriendItem: [{ To_Account: 'someone-else' }] } };
    const slow = tencentOutcome(other, 'fail-open');
    expect(slow).not.toEqual(first);
    expect(predictOutcome(other)).toEqual(slow);
  });

  it('keys a command without a target list on the answer alone: its outcome reads no request field', () => {
    const untargeted = tencentCommands.filter((info) => info.parties?.targets === undefined);
    expect(untargeted.length).toBeGreaterThan(10);
    for (const info of untargeted) {
      for (const decision of decisionsFor(info)) {
        const input = inputFor(info, decision, 'fail-open');
        const same = tencentOutcome(input, 'fail-open');
        for (const requestBody of [{}, null, { ...info.sample, From_Account: 'x', MsgBody: [], GroupId: 'other' }]) {
          expect(tencentOutcome({ ...input, requestBody }, 'fail-open'), info.name).toEqual(same);
          expect(predictOutcome({ ...input, requestBody }), info.name).toEqual(same);
        }
      }
    }
  });

  it('keys on the status and is not reused past the timeout', () => {
    const info = findCommand('Sns.CallbackPrevFriendAdd', 'tencent') as CommandInfo; // catalogued
    const input = inputFor(info, { verdict: 'allow' }, 'fail-closed');
    expect(predictOutcome(input).effect).toBe('proceeds');
    const sent = input.sent.action === 'respond' ? input.sent : null;
    expect(sent).not.toBeNull();
    if (sent) expect(predictOutcome({ ...input, sent: { ...sent, status: 500 } }).effect).toBe('fails');
    expect(predictOutcome({ ...input, elapsedMs: 2500 }).effect).toBe('fails');
  });

  it('shares frozen outcomes, so one capture cannot change another', () => {
    const info = findCommand('Sns.CallbackPrevFriendAdd', 'tencent') as CommandInfo; // catalogued
    const input = inputFor(info, { verdict: 'deny' }, 'fail-open');
    const first = predictOutcome(input);
    expect(predictOutcome(input)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.targets)).toBe(true);
    expect(Object.isFrozen(first.targets?.[0])).toBe(true);
  });
});

describe('Tencent plain allow answer', () => {
  it('is the text the general path renders, whatever the target accounts', () => {
    const info = findCommand('Sns.CallbackPrevFriendAdd', 'tencent') as CommandInfo; // catalogued
    const bodies: unknown[] = [
      info.sample,
      {},
      null,
      { FriendItem: 'x' },
      { FriendItem: [] },
      { FriendItem: [{ To_Account: 'a"b\\c\n\u2028é😀' }, { To_Account: 5 }, null, { To_Account: '__proto__' }] },
      JSON.parse('{"FriendItem":[{"__proto__":{"To_Account":"inherited"}},{"To_Account":""}]}'),
    ];
    for (const cmd of [...tencentCommands, { ...info, name: 'Made.Up' }]) {
      for (const body of bodies) {
        const general = buildAnswer(idOf(cmd), body, { verdict: 'allow', override: {} });
        expect(buildAnswer(idOf(cmd), body, { verdict: 'allow' }), `${cmd.name} ${JSON.stringify(body)}`).toEqual(
          general,
        );
      }
    }
  });
});
