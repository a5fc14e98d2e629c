import { type Capture, captureNumber } from '../../../shared/contract/index.js';
import type { VerifyCapture } from '../../../shared/verify/verify.js';

/** A stored capture as `verify` reads it: its request body parsed from the stored text when it is not at hand. */
export function verifyCapture(capture: Capture): VerifyCapture {
  return {
    id: capture.id,
    // The capture's number as shown everywhere (an imported one keeps its recorded number).
    seq: captureNumber(capture),
    receivedAt: capture.receivedAt,
    dialect: capture.dialect,
    command: capture.command,
    decidedBy: capture.decidedBy,
    outcome: capture.outcome,
    body: capture.request.body ?? parsedBody(capture.request.bodyText),
  };
}

export function parsedBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
