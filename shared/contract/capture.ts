import { z } from 'zod';
import { DecisionSchema } from './decision.js';

/**
 * A capture, written once: the zod schema is what a session, NDJSON or HAR file is checked against when imported
 * (lenient where a missing field has an obvious default — older or hand-written files — strict where the engine
 * relies on a type), and the TypeScript types are inferred from it.
 */

const DIALECTS = ['openim', 'tencent'] as const;
export type Dialect = (typeof DIALECTS)[number];
export type DialectOrUnknown = Dialect | 'unknown';
export type Phase = 'before' | 'after' | 'unknown';
export type CaptureState = 'held' | 'answered' | 'failed';
/** `rule:<id>` names the rule that decided. */
export type DecidedBy = z.infer<typeof DecidedBySchema>;
/** Where a capture came from: the listener (an IM server called us) or `POST /api/send` (we played the IM server). */
export type CaptureOrigin = 'listener' | 'sent';

export const FindingSchema = z.object({
  level: z.enum(['error', 'warning', 'info']),
  /** Stable machine code, e.g. `missing-field`, `wrong-type`, `sign-mismatch`. */
  code: z.string(),
  message: z.string(),
  /** JSON path of the field concerned, when there is one. */
  path: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * `partial`: a Tencent per-target answer where some targets are blocked and others proceed. `dropped`: Tencent
 * `ErrorCode 2` on a command whose page documents it: the message is discarded silently (the sender sees success).
 */
export const OUTCOME_EFFECTS = ['proceeds', 'blocked', 'partial', 'fails', 'ignored', 'dropped', 'unknown'] as const;
export type OutcomeEffect = (typeof OUTCOME_EFFECTS)[number];

const TargetOutcomeSchema = z.object({
  account: z.string(),
  effect: z.enum(['proceeds', 'blocked']),
  code: z.number().optional(),
  message: z.string().optional(),
});
export type TargetOutcome = z.infer<typeof TargetOutcomeSchema>;

/** What the IM server will do with the answer sent (protocols.md A.2, B.1, Part E/F). */
export const OutcomeSchema = z.looseObject({
  effect: z.enum(OUTCOME_EFFECTS),
  code: z.number().optional(),
  message: z.string().optional(),
  /** One readable sentence for people. */
  explanation: z.string().default(''),
  /** Tencent Prev* per-target verdicts. */
  targets: z.array(TargetOutcomeSchema).optional().catch(undefined),
  /**
   * The answer fields the server applies, by wire name, as it applies them (OpenIM `remark`, `friendUserIDs`, message
   * modify `content` as a JSON *string*; Tencent `MsgBody` …). Only the fields the server really takes.
   */
  rewrite: z
    .looseObject({ remark: z.string().optional(), friendUserIDs: z.array(z.string()).optional() })
    .optional()
    .catch(undefined),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

const StringRecord = z.record(z.string(), z.string());

export const CaptureRequestSchema = z.object({
  method: z.string().min(1).max(20),
  url: z.string(),
  path: z.string(),
  query: StringRecord.default({}),
  headers: StringRecord.default({}),
  bodyText: z.string().default(''),
  /** Parsed JSON body; undefined when the body is empty or not JSON (see `parseError`). */
  body: z.unknown().optional(),
  parseError: z.string().optional(),
  /** True when the body was larger than the limit and cut. */
  truncated: z.boolean().optional(),
});
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;

export const CaptureResponseSchema = z.object({
  status: z.number().int().min(0).max(999),
  headers: StringRecord.default({}),
  bodyText: z.string().default(''),
  /** Set for faults that send no HTTP response at all. */
  fault: z.enum(['no-response', 'close', 'reset']).optional(),
  /** v3: true when the stored `bodyText` was cut at `capture.maxBodyBytes` (what went out was whole). */
  truncated: z.boolean().optional(),
});
export type CaptureResponse = z.infer<typeof CaptureResponseSchema>;

export const DecidedBySchema = z.union([
  z.enum(['default', 'person', 'api', 'timeout', 'upstream']),
  z.templateLiteral(['rule:', z.string()]),
]);

export const HoldInfoSchema = z.object({
  /** ms epoch when the fallback is sent (the IM server's deadline minus the margin). */
  deadlineAt: z.number(),
  /** The IM server's own timeout for this request, in ms. */
  serverTimeoutMs: z.number(),
  fallback: z.enum(['auto', 'no-response']),
});
export type HoldInfo = z.infer<typeof HoldInfoSchema>;

/**
 * What the real app backend answered when the callback was forwarded to it (upstream mode), or what a backend answered
 * a callback the engine sent (`origin: "sent"`), checked against the protocol.
 */
export const UpstreamExchangeSchema = z.object({
  /** The exact URL the callback was sent to. */
  url: z.string(),
  /** HTTP status of the backend's answer; null when none came (connection refused, reset, timeout). */
  status: z.number().int().nullable(),
  headers: StringRecord.default({}),
  /**
   * The answer's text, decompressed. v3: cut at `capture.maxBodyBytes` (then `truncated` is true): the store keeps
   * at most that much of one body; the IM server was relayed the backend's bytes unchanged.
   */
  bodyText: z.string().default(''),
  truncated: z.boolean().optional(),
  /** Time from sending to the end of the answer (or to the failure); null when never sent. */
  latencyMs: z.number().nullable(),
  /** What went wrong on the way, in words ("connection refused", "no answer within 5 s"). */
  error: z.string().optional(),
  /** The protocol's checks applied to the backend's answer (`checkAnswer`). */
  findings: z.array(FindingSchema).default([]),
  /** What the IM server will do with the backend's answer and its timing. */
  outcome: OutcomeSchema.nullable().default(null),
});
export type UpstreamExchange = z.infer<typeof UpstreamExchangeSchema>;

/** Everything of a Capture except the request/response bodies: what a HAR entry keeps in `_callbackInspector`. */
export const CaptureMetaSchema = z.object({
  id: z.string().min(1).max(200),
  /** This engine's order of arrival (and of import): the store's key. Shown as the capture's number unless imported. */
  seq: z.number().int().min(0).default(0),
  /**
   * The number the capture had where it was recorded, kept through export and import (the engine gives an imported
   * capture its own `seq`). A capture shows one number everywhere: `captureNumber`.
   */
  recordedSeq: z.number().int().min(1).optional(),
  receivedAt: z.number(),
  dialect: z.enum([...DIALECTS, 'unknown']).catch('unknown'),
  command: z.string().max(500).nullable().default(null),
  phase: z.enum(['before', 'after', 'unknown']).catch('unknown'),
  state: z.enum(['held', 'answered', 'failed']).default('answered'),
  decidedBy: DecidedBySchema.nullable().default(null),
  findings: z.array(FindingSchema).default([]),
  decision: DecisionSchema.nullable().default(null),
  latencyMs: z.number().nullable().default(null),
  outcome: OutcomeSchema.nullable().default(null),
  hold: HoldInfoSchema.nullable().default(null),
  /** How the command was identified (`tencent-query`, `path`, `legacy-query`, `body`, `none`). */
  identifiedBy: z.string().default('none'),
  /** Imported from a file rather than received live. */
  imported: z.boolean().optional(),
  /** v2: `listener` when absent (captures written before v2 have no origin). */
  origin: z.enum(['listener', 'sent']).optional(),
  /** v2: the backend's answer in upstream mode or for a sent callback; null/absent otherwise. */
  upstream: UpstreamExchangeSchema.nullable().optional(),
});

export const CaptureSchema = CaptureMetaSchema.extend({
  request: CaptureRequestSchema,
  response: CaptureResponseSchema.nullable().default(null),
});
export type Capture = z.infer<typeof CaptureSchema>;

export interface CaptureSummaryText {
  /** "user123 → user456", "id → id1, id2". */
  parties: string;
  /** The key text: request message, remark, list size. */
  text: string;
}

/** List/event form: no bodies. */
export interface CaptureSummary extends Omit<Capture, 'request' | 'response'> {
  request: Omit<CaptureRequest, 'bodyText' | 'body'>;
  response: Omit<CaptureResponse, 'bodyText'> | null;
  summary: CaptureSummaryText;
}

/**
 * The number a person sees for a capture — in the table, the details, the CLI, reports and files: the one it was
 * recorded under, however often it was exported and imported since (issue 23: #24 in the CLI was #29 after import).
 */
export function captureNumber(capture: Pick<Capture, 'seq' | 'recordedSeq'>): number {
  return capture.recordedSeq ?? capture.seq;
}
