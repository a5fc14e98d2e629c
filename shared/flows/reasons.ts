import type { Dialect } from '../contract/capture.js';
import type { OpenImProfile, TencentProfile } from '../contract/settings.js';
import { findCommand } from '../protocol/catalogue.js';
import { openimEnableHint, tencentEnableHint, versionSends } from '../protocol/index.js';
import { laterFailure, type NextStep } from './next-steps.js';

export interface FlowProfiles {
  openim: OpenImProfile;
  tencent: TencentProfile;
}

/** An expectation the chosen profile makes (with the command under the version's own name), or none. */
export type Prediction = { command: string; reasons: string[] } | null;

/** Per step row, per profile name: built once (the rows are module constants). */
const memo = new WeakMap<NextStep, Map<string, Prediction>>();

/**
 * Whether the server of this profile sends `step.command` at all, and the likely reasons it may not arrive (the
 * `webhooks.yml` key or console switch first: the most common cause in OpenIM's issues). Memoised: the answer
 * depends only on the step and the profile.
 */
export function predict(dialect: Dialect, step: NextStep, profiles: FlowProfiles): Prediction {
  const profile = dialect === 'openim' ? profiles.openim : profiles.tencent;
  let byProfile = memo.get(step);
  if (byProfile === undefined) {
    byProfile = new Map();
    memo.set(step, byProfile);
  }
  const known = byProfile.get(profile);
  if (known !== undefined) return known;
  const made = dialect === 'openim' ? openIm(step, profiles.openim) : tencent(step);
  byProfile.set(profile, made);
  return made;
}

function openIm(step: NextStep, profile: OpenImProfile): Prediction {
  const info = findCommand(step.command, 'openim');
  const sending = versionSends(profile, step.command);
  if (sending.sent === false) return null;
  const command = sending.sent === 'renamed' ? sending.as : step.command;
  const reasons = [openimEnableHint(command, info?.configKey)];
  if (sending.note !== undefined) reasons.push(sending.note);
  else if (step.note !== undefined) reasons.push(`OpenIM sends it ${step.note}`);
  reasons.push(laterFailure(step, info?.family), 'the client stopped before the action completed');
  return { command, reasons };
}

function tencent(step: NextStep): Prediction {
  const info = findCommand(step.command, 'tencent');
  const reasons = [tencentEnableHint(info?.configKey ?? info?.title ?? step.command)];
  reasons.push(laterFailure(step, info?.family), 'the client stopped before the action completed');
  return { command: step.command, reasons };
}
