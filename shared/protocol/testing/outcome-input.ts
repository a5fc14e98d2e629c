import type { Decision } from '../../contract/decision.js';
import { buildAnswer } from '../answer.js';
import type { CommandInfo, Identification, OutcomeInput, ServerProfile } from '../types.js';

/** Test helper: a catalogued command identified the way its server sends it. */
export const sampleId = (info: CommandInfo): Identification => ({
  dialect: info.dialect,
  command: info.name,
  phase: info.phase,
  via: info.dialect === 'tencent' ? 'tencent-query' : 'body',
  info,
});

/** Test helper: the outcome input for the answer `decision` produces to the command's sample request. */
export function sampleOutcomeInput(
  info: CommandInfo,
  decision: Decision,
  profile: ServerProfile,
  elapsedMs = 10,
): OutcomeInput {
  const plan = buildAnswer(sampleId(info), info.sample, decision);
  return {
    dialect: info.dialect,
    command: info.name,
    phase: info.phase,
    requestBody: info.sample,
    sent:
      plan.action === 'respond'
        ? { action: 'respond', status: plan.status, bodyText: plan.bodyText }
        : { action: plan.action },
    elapsedMs,
    serverTimeoutMs: info.dialect === 'tencent' ? 2000 : 5000,
    profile,
  };
}
