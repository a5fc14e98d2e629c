import type { Outcome } from '../contract/capture.js';
import { openImOutcome } from './outcome-openim.js';
import { tencentOutcome } from './outcome-tencent.js';
import type { OutcomeInput } from './types.js';

/** What the IM server will do with the answer sent (protocols.md A.2, B.1, Part E/F), for the chosen profile. */
export function predictOutcome(input: OutcomeInput): Outcome {
  try {
    if (input.dialect === 'openim' && input.profile.dialect === 'openim')
      return openImOutcome(input, input.profile.version);
    if (input.dialect === 'tencent' && input.profile.dialect === 'tencent')
      return tencentOutcome(input, input.profile.policy);
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
