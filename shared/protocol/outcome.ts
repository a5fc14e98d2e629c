import type { Outcome } from '../contract/capture.js';
import type { OpenImProfile, TencentProfile } from '../contract/settings.js';
import { openimCommand } from './openim/catalogue/index.js';
import { openImLimitMs, openImOutcome } from './openim/outcome.js';
import { tencentTargets } from './tencent/answer.js';
import { targetList, tencentCommand } from './tencent/catalogue/index.js';
import { tencentOutcome } from './tencent/outcome.js';
import type { OutcomeInput } from './types.js';
import { statusSendsBody, TENCENT_TIMEOUT_MS } from './wire.js';

/**
 * OpenIM outcomes of answers sent in time, per profile → command → answer text. For a catalogued command and an
 * answer within the timeout whose status carries a body (not 1xx/204/304), `openImOutcome` reads nothing else (not
 * the status, the request body or the phase given), so the same key always gives the same outcome. The engine sends the same few texts over and over, and
 * decoding them the Go way (raw-text tokenising) is the costly part of a prediction.
 */
const openImMemo = new Map<OpenImProfile, Map<string, Map<string, Outcome>>>();
/** Answer texts (OpenIM) or target/answer keys (Tencent) kept per command; rewrites and overrides can make any number of texts, so the map is bounded. */
const MEMO_TEXTS = 64;

function deepFreeze(outcome: Outcome): Outcome {
  // Shared between captures: frozen so that no caller can change another capture's outcome.
  if (outcome.rewrite) {
    for (const value of Object.values(outcome.rewrite)) if (typeof value === 'object') Object.freeze(value);
    Object.freeze(outcome.rewrite);
  }
  if (outcome.targets) for (const t of Object.freeze(outcome.targets)) Object.freeze(t);
  return Object.freeze(outcome);
}

function memoisedOpenIm(input: OutcomeInput, version: OpenImProfile): Outcome {
  const sent = input.sent;
  const limit = openImLimitMs(input.serverTimeoutMs);
  if (
    sent.action !== 'respond' ||
    input.elapsedMs >= limit ||
    input.command === null ||
    !statusSendsBody(sent.status)
  ) {
    return openImOutcome(input, version);
  }
  if (!openimCommand(input.command)) return openImOutcome(input, version);
  let byCommand = openImMemo.get(version);
  if (!byCommand) {
    byCommand = new Map();
    openImMemo.set(version, byCommand);
  }
  let byText = byCommand.get(input.command);
  if (!byText) {
    byText = new Map();
    byCommand.set(input.command, byText);
  }
  const known = byText.get(sent.bodyText);
  if (known) return known;
  const outcome = deepFreeze(openImOutcome(input, version));
  if (byText.size >= MEMO_TEXTS) byText.clear();
  byText.set(sent.bodyText, outcome);
  return outcome;
}

/**
 * Tencent outcomes of answers sent in time to catalogued commands, per policy → command → (target accounts, status,
 * answer text). For those, `tencentOutcome` reads only the policy, the command, the status, the answer text and, for
 * a target-list command, the request's target accounts (its per-target verdicts name them); an ErrorCode-style
 * before-callback (C2C, Group) or an after-callback reads no request field at all. So the same key always gives the
 * same outcome. Parsing the answer twice and walking ResultItem is the costly part of a Tencent prediction, and a
 * shared (frozen) outcome is serialised once into the capture log and events instead of once per capture.
 */
const tencentMemo = new Map<TencentProfile, Map<string, Map<string, Outcome>>>();

function memoisedTencent(input: OutcomeInput, policy: TencentProfile): Outcome {
  const sent = input.sent;
  const command = input.command;
  if (sent.action !== 'respond' || input.elapsedMs >= TENCENT_TIMEOUT_MS || command === null) {
    return tencentOutcome(input, policy);
  }
  if (!tencentCommand(command)) return tencentOutcome(input, policy);
  const targeted = targetList(command) !== undefined;
  let byCommand = tencentMemo.get(policy);
  if (!byCommand) {
    byCommand = new Map();
    tencentMemo.set(policy, byCommand);
  }
  let byKey = byCommand.get(command);
  if (!byKey) {
    byKey = new Map();
    byCommand.set(command, byKey);
  }
  // A JSON array holds no raw newline and the status is digits, so the three parts cannot run into each other.
  const targets = targeted ? JSON.stringify(tencentTargets(command, input.requestBody)) : '';
  const key = `${targets}\n${sent.status}\n${sent.bodyText}`;
  const known = byKey.get(key);
  if (known) return known;
  const outcome = deepFreeze(tencentOutcome(input, policy));
  if (byKey.size >= MEMO_TEXTS) byKey.clear();
  byKey.set(key, outcome);
  return outcome;
}

/** What the IM server will do with the answer sent (protocols.md A.2, B.1, Part E/F), for the chosen profile. */
export function predictOutcome(input: OutcomeInput): Outcome {
  try {
    if (input.dialect === 'openim' && input.profile.dialect === 'openim')
      return memoisedOpenIm(input, input.profile.version);
    if (input.dialect === 'tencent' && input.profile.dialect === 'tencent')
      return memoisedTencent(input, input.profile.policy);
    if (input.dialect === 'unknown') {
      return {
        effect: 'unknown',
        explanation: 'The sender is not recognisably OpenIM or Tencent, so its reaction cannot be predicted.',
      };
    }
    return {
      effect: 'unknown',
      explanation: `No ${input.dialect} server profile was given, so the outcome cannot be predicted.`,
    };
  } catch (err) {
    return { effect: 'unknown', explanation: `The outcome could not be predicted: ${String(err)}.` };
  }
}
