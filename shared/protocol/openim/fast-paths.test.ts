import { describe, expect, it } from 'vitest';
import type { Decision } from '../../contract/decision.js';
import type { OpenImProfile } from '../../contract/settings.js';
import { buildAnswer } from '../answer.js';
import { catalogue } from '../catalogue.js';
import { lastPathSegment } from '../identify.js';
import { predictOutcome } from '../outcome.js';
import { sampleId, sampleOutcomeInput } from '../testing/outcome-input.js';
import type { CommandInfo, OutcomeInput } from '../types.js';
import { openImOutcome } from './outcome.js';

const PROFILES: OpenImProfile[] = ['v3.7+', 'v3.6', 'v3.4.2-v3.5', 'v3.0-v3.4.0'];

/** One of every Decision kind the engine can be asked to answer with. */
const DECISIONS: Decision[] = [
  { verdict: 'allow' },
  { verdict: 'allow', delayMs: 5 },
  { verdict: 'deny' },
  { verdict: 'deny', code: 42, message: 'low code', detail: 'd' },
  { verdict: 'deny', code: 7001, message: 'm' },
  { verdict: 'allow', rewrite: { remark: 'new remark' } },
  { verdict: 'allow', rewrite: { friendUserIDs: ['u1', 'u2'] } },
  { verdict: 'allow', override: { actionCode: 1, nextCode: 1 } },
  { verdict: 'allow', override: { errCode: 1.5 } },
  { verdict: 'deny', targets: { id1: { verdict: 'allow' } } },
  { verdict: 'allow', fault: { type: 'http-status', status: 500 } },
  { verdict: 'deny', fault: { type: 'invalid-json' } },
  { verdict: 'deny', fault: { type: 'string-codes' } },
  { verdict: 'allow', fault: { type: 'empty-body' } },
  { verdict: 'allow', fault: { type: 'no-response' } },
  { verdict: 'allow', fault: { type: 'close' } },
  { verdict: 'allow', fault: { type: 'reset' } },
];

const idOf = sampleId;
const inputFor = (info: CommandInfo, decision: Decision, version: OpenImProfile, elapsedMs?: number): OutcomeInput =>
  sampleOutcomeInput(info, decision, { dialect: 'openim', version }, elapsedMs);

const openImCommands = catalogue.filter((c) => c.dialect === 'openim');

describe('memoised OpenIM outcome', () => {
  it('equals the full prediction for every command, Decision kind and profile, on first and repeated calls', () => {
    for (const info of openImCommands) {
      for (const decision of DECISIONS) {
        for (const version of PROFILES) {
          const input = inputFor(info, decision, version);
          const slow = openImOutcome(input, version);
          expect(predictOutcome(input), `${info.name} ${JSON.stringify(decision)} ${version}`).toEqual(slow);
          expect(predictOutcome(input)).toEqual(slow);
        }
      }
    }
  });

  it('is not reused past the timeout or for uncatalogued commands', () => {
    const info = openImCommands.find((c) => c.name === 'callbackBeforeAddFriendCommand') as CommandInfo; // catalogued
    const fast = predictOutcome(inputFor(info, { verdict: 'allow' }, 'v3.7+'));
    const late = predictOutcome(inputFor(info, { verdict: 'allow' }, 'v3.7+', 6000));
    expect(fast.effect).toBe('proceeds');
    expect(late.effect).toBe('fails');
    const unknown = { ...inputFor(info, { verdict: 'allow' }, 'v3.7+'), command: 'callbackMadeUpCommand' };
    expect(predictOutcome(unknown)).toEqual(openImOutcome(unknown, 'v3.7+'));
  });

  it('shares frozen outcomes, so one capture cannot change another', () => {
    const info = openImCommands.find((c) => c.name === 'callbackBeforeImportFriendsCommand') as CommandInfo; // catalogued
    const input = inputFor(info, { verdict: 'allow', rewrite: { friendUserIDs: ['a'] } }, 'v3.7+');
    const first = predictOutcome(input);
    expect(predictOutcome(input)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.rewrite?.friendUserIDs)).toBe(true);
  });
});

describe('plain allow answer', () => {
  it('is the answer the general path renders, for every command', () => {
    for (const info of catalogue) {
      const id = idOf(info);
      for (const delayMs of [undefined, 0, 20]) {
        const plain: Decision = delayMs === undefined ? { verdict: 'allow' } : { verdict: 'allow', delayMs };
        // An empty override takes the general path and adds nothing.
        const general: Decision = { ...plain, override: {} };
        expect(buildAnswer(id, info.sample, plain), info.name).toEqual(buildAnswer(id, info.sample, general));
      }
    }
  });

  it('gives each plan its own headers object', () => {
    const info = openImCommands[0] as CommandInfo; // the catalogue has OpenIM commands
    const a = buildAnswer(idOf(info), info.sample, { verdict: 'allow' });
    const b = buildAnswer(idOf(info), info.sample, { verdict: 'allow' });
    expect(a.headers).not.toBe(b.headers);
  });
});

/** The earlier split/filter implementation, kept as the reference. */
function referenceSegment(path: string): string {
  const parts = (path.split('?')[0] ?? '').split('/').filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

describe('lastPathSegment', () => {
  it('matches the split/filter reference', () => {
    const paths = [
      '',
      '/',
      '//',
      'abc',
      '/abc',
      '/a/b',
      '/a/b/',
      '/a//b//',
      '/callbackExample/callbackBeforeAddFriendCommand',
      '/callbackExample/callbackBeforeAddFriendCommand?x=1',
      '/x/?q=/y',
      '/a/%E2%86%92',
      '/a/%E2%86',
      '/a/%zz',
      '?only',
      '/a/b?c/d',
    ];
    for (const path of paths) expect(lastPathSegment(path), JSON.stringify(path)).toBe(referenceSegment(path));
  });
});
