import type { Capture } from '../../../shared/contract/index.js';
import type { VerifyCapture } from '../../../shared/verify/verify.js';

/** A stored capture as `verify` reads it: its request body parsed from the stored text when it is not at hand. */
export function verifyCapture(capture: Capture): VerifyCapture {
  return {
    id: capture.id,
    seq: capture.seq,
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
