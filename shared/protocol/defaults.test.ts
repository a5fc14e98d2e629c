import { describe, expect, it } from 'vitest';
import { ALLOW } from '../contract/decision.js';
import { OPENIM_PROFILES, type OpenImProfile, TENCENT_PROFILES } from '../contract/settings.js';
import { checkAnswer } from './answer-check.js';
import { catalogue, findCommand } from './catalogue.js';
import { own } from './json.js';
import { versionSends } from './openim/versions.js';
import { tencentCommand } from './tencent/catalogue/index.js';
import { sampleOutcomeInput } from './testing/outcome-input.js';
import type { CommandInfo, ServerProfile } from './types.js';

/**
 * Issue 12, item 2: the default answers (allow, and the default deny) of every modelled command are safe on every
 * profile, judged against the corrected A.2 table (the tags' code, see outcome-versions.test.ts): no format error,
 * no wiped remark, no replaced list, and a deny that denies wherever the version can deny.
 */

// Legacy names carry no sample of their own; the last test covers the legacy set-remark name.
const modelled = catalogue.filter((c) => c.modelled && c.sample !== undefined);
const profilesFor = (info: CommandInfo): ServerProfile[] =>
  info.dialect === 'openim'
    ? OPENIM_PROFILES.map((version) => ({ dialect: 'openim', version }))
    : TENCENT_PROFILES.map((policy) => ({ dialect: 'tencent', policy }));
const sends = (info: CommandInfo, profile: ServerProfile): boolean =>
  profile.dialect !== 'openim' || versionSends(profile.version, info.name).sent !== false;

/** The code a default deny carries: OpenIM 5001; Tencent 38001 per target, or ErrorCode 1 where the row denies by ErrorCode. */
const defaultDenyCode = (info: CommandInfo): number =>
  info.dialect === 'openim' ? 5001 : tencentCommand(info.name)?.row.denyBy === 'error-code' ? 1 : 38001;

describe('default allow on every command and profile', () => {
  for (const info of modelled) {
    for (const profile of profilesFor(info)) {
      const label = profile.dialect === 'openim' ? profile.version : profile.policy;
      it(`${info.name} on ${label}`, () => {
        const { outcome, findings } = checkAnswer(sampleOutcomeInput(info, ALLOW, profile));
        if (!sends(info, profile)) {
          expect(outcome.effect).toBe('unknown');
          expect(findings.map((f) => f.code)).toContain('command-not-sent');
          return;
        }
        expect(outcome.effect).toBe(info.phase === 'after' ? 'ignored' : 'proceeds');
        expect(findings.filter((f) => f.level !== 'info')).toEqual([]);
        // A rewrite, where the server makes one, keeps exactly what the user asked for.
        const remark = own(info.sample, 'remark');
        if (outcome.rewrite?.remark !== undefined) expect(outcome.rewrite.remark).toBe(remark);
        expect(outcome.rewrite?.friendUserIDs).toBeUndefined();
      });
    }
  }
});

describe('default deny on every before-command and profile', () => {
  const canDeny = (v: OpenImProfile) => v !== 'v3.6';
  for (const info of modelled.filter((c) => c.phase === 'before')) {
    for (const profile of profilesFor(info)) {
      if (!sends(info, profile)) continue;
      const label = profile.dialect === 'openim' ? profile.version : profile.policy;
      it(`${info.name} on ${label}`, () => {
        const { outcome } = checkAnswer(sampleOutcomeInput(info, { verdict: 'deny' }, profile));
        if (profile.dialect === 'openim' && !canDeny(profile.version)) {
          // v3.6 only logs the deny; the echoed remark keeps the user's remark.
          expect(outcome.effect).toBe('proceeds');
          const remark = own(info.sample, 'remark');
          if (outcome.rewrite?.remark !== undefined) expect(outcome.rewrite.remark).toBe(remark);
          return;
        }
        expect(outcome.effect).toBe('blocked');
        expect(outcome.code).toBe(defaultDenyCode(info));
      });
    }
  }
});

it('the set-remark default answer echoes the received remark (both names)', () => {
  for (const name of ['callbackBeforeSetFriendRemarkCommand', 'callbackBeforeSetFriendRemark']) {
    const info = findCommand(name);
    if (!info) throw new Error(name);
    const input = sampleOutcomeInput({ ...info, sample: { remark: 'Bestie' } }, ALLOW, {
      dialect: 'openim',
      version: 'v3.6',
    });
    expect(input.sent.action === 'respond' && JSON.parse(input.sent.bodyText).remark).toBe('Bestie');
    expect(checkAnswer(input).outcome.rewrite).toEqual({ remark: 'Bestie' });
  }
});
