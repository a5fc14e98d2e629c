import type { Outcome } from '../contract/capture.js';
import type { OutcomeInput } from './types.js';

/** Placeholder replaced in the next commit. */
export function predictOutcome(_input: OutcomeInput): Outcome {
  return { effect: 'unknown', explanation: 'Outcome prediction is not implemented yet.' };
}
