import { z } from 'zod';
import type { Dialect, Finding, Outcome } from './capture.js';
import { hostPortProblem, OpenImProfileSchema, TencentProfileSchema } from './settings.js';

/**
 * An absolute http(s) URL without whitespace, with a host and a port that can be: where a played callback goes.
 * `http://[::1` and port 99999 are bad input (CLI exit 3), not a callback that got no answer.
 */
export const BackendUrlSchema = z
  .string()
  .max(2_000)
  .regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, 'must be an absolute http:// or https:// URL')
  .superRefine((value, ctx) => {
    const authority = /^https?:\/\/([^\s/?#]+)/i.exec(value)?.[1];
    if (authority === undefined) return; // the regex above reports it
    const problem = hostPortProblem(authority.slice(authority.lastIndexOf('@') + 1));
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * `POST /api/send` v2 (product.md §2 "Send and replay"): play the IM server against a backend. `to` tells it apart from
 * the v1 body (`path`, `bodyText`), which still posts to the engine's own listener.
 */
export const SendToBackendSchema = z
  .strictObject({
    to: BackendUrlSchema,
    /** Defaults to the command's dialect in the catalogue, else guessed from the name's shape. */
    dialect: z.enum(['openim', 'tencent']).optional(),
    command: z.string().min(1).max(200),
    /** The JSON value to send. */
    body: z.unknown(),
    /** An OpenIM server version or a Tencent failure policy; defaults to the settings' profile for the dialect. */
    profile: z.union([OpenImProfileSchema, TencentProfileSchema]).optional(),
    tencent: z
      .strictObject({
        sdkAppId: z.number().int().min(0).nullable().optional(),
        token: z.string().min(1).max(128).nullable().optional(),
      })
      .optional(),
    /** The server's timeout; defaults to `hold.openimTimeoutMs` (OpenIM) or 2000 (Tencent). */
    timeoutMs: z.number().int().min(1).max(15_000).optional(),
    operationId: z.string().max(200).optional(),
  })
  .refine((v) => v.body !== undefined, { message: 'body is required (the JSON value to send)', path: ['body'] });
export type SendToBackend = z.infer<typeof SendToBackendSchema>;

/** `POST /api/replay`: re-send recorded callbacks to a backend and compare the answers. */
export const ReplayRequestSchema = z.strictObject({
  to: BackendUrlSchema,
  /** Capture ids to replay, in order; default: every imported capture. */
  ids: z.array(z.string().max(200)).max(100_000).optional(),
  profiles: z
    .strictObject({ openim: OpenImProfileSchema.optional(), tencent: TencentProfileSchema.optional() })
    .optional(),
  /** Re-sign Tencent callbacks with this token (a recorded Sign is stale); default: the settings' token. */
  tencentToken: z.string().min(1).max(128).nullable().optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
});
export type ReplayRequest = z.infer<typeof ReplayRequestSchema>;

export type ReplayVerdict = 'same' | 'answer-changed' | 'outcome-changed' | 'skipped';

/** One side of a replay comparison: what the backend answered then (recorded) or now (replayed). */
export interface ReplayAnswer {
  /** HTTP status; null when no answer came (or the recorded answer was a fault). */
  status: number | null;
  bodyText: string;
  /** Why there was no answer ("connection refused", "no answer within 5000 ms", "fault: reset"). */
  error?: string;
  latencyMs: number | null;
  outcome: Outcome | null;
}

export interface ReplayItem {
  /** The recorded capture. */
  id: string;
  /** The capture's number as shown everywhere (`captureNumber`: an imported capture keeps its recorded one). */
  seq: number;
  dialect: Dialect | 'unknown';
  command: string | null;
  verdict: ReplayVerdict;
  /** Why a capture was skipped, or what changed, in words. */
  reason?: string;
  recorded: ReplayAnswer | null;
  replayed: ReplayAnswer | null;
  /** The checks of the new answer. */
  findings: Finding[];
  /** The id of the capture that stores the new exchange (window replay only). */
  sentId?: string;
}

export interface ReplaySummary {
  total: number;
  same: number;
  answerChanged: number;
  outcomeChanged: number;
  skipped: number;
}

export interface ReplayReport {
  to: string;
  summary: ReplaySummary;
  items: ReplayItem[];
}
