import { z } from 'zod';
import type { Capture } from '../../../shared/contract/index.js';
import { DecisionSchema } from '../../../shared/contract/index.js';

/**
 * Shape check for captures read from session/NDJSON/HAR files. Lenient where a missing field has an obvious
 * default (older or hand-written files), strict where the engine relies on a type.
 */
const FindingSchema = z.object({
  level: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
});

const OutcomeSchema = z.looseObject({
  effect: z.enum(['proceeds', 'blocked', 'partial', 'fails', 'ignored', 'dropped', 'unknown']),
  code: z.number().optional(),
  message: z.string().optional(),
  explanation: z.string().default(''),
});

const StringRecord = z.record(z.string(), z.string());

export const CaptureRequestSchema = z.object({
  method: z.string().min(1).max(20),
  url: z.string(),
  path: z.string(),
  query: StringRecord.default({}),
  headers: StringRecord.default({}),
  bodyText: z.string().default(''),
  body: z.unknown().optional(),
  parseError: z.string().optional(),
  truncated: z.boolean().optional(),
});

export const CaptureResponseSchema = z.object({
  status: z.number().int().min(0).max(999),
  headers: StringRecord.default({}),
  bodyText: z.string().default(''),
  fault: z.enum(['no-response', 'close', 'reset']).optional(),
  truncated: z.boolean().optional(),
});

export const DecidedBySchema = z.union([
  z.enum(['default', 'person', 'api', 'timeout', 'upstream']),
  z.templateLiteral(['rule:', z.string()]),
]);

/** Everything of a Capture except the request/response bodies: what a HAR entry keeps in `_callbackInspector`. */
export const CaptureMetaSchema = z.object({
  id: z.string().min(1).max(200),
  seq: z.number().int().min(0).default(0),
  receivedAt: z.number(),
  dialect: z.enum(['openim', 'tencent', 'unknown']).catch('unknown'),
  command: z.string().max(500).nullable().default(null),
  phase: z.enum(['before', 'after', 'unknown']).catch('unknown'),
  state: z.enum(['held', 'answered', 'failed']).default('answered'),
  decidedBy: DecidedBySchema.nullable().default(null),
  findings: z.array(FindingSchema).default([]),
  decision: DecisionSchema.nullable().default(null),
  latencyMs: z.number().nullable().default(null),
  outcome: OutcomeSchema.nullable().default(null),
  hold: z
    .object({
      deadlineAt: z.number(),
      serverTimeoutMs: z.number(),
      fallback: z.enum(['auto', 'no-response']),
    })
    .nullable()
    .default(null),
  identifiedBy: z.string().default('none'),
  imported: z.boolean().optional(),
  origin: z.enum(['listener', 'sent']).optional(),
  upstream: z
    .object({
      url: z.string(),
      status: z.number().int().nullable(),
      headers: StringRecord.default({}),
      bodyText: z.string().default(''),
      truncated: z.boolean().optional(),
      latencyMs: z.number().nullable(),
      error: z.string().optional(),
      findings: z.array(FindingSchema).default([]),
      outcome: OutcomeSchema.nullable().default(null),
    })
    .nullable()
    .optional(),
});

export const CaptureSchema = CaptureMetaSchema.extend({
  request: CaptureRequestSchema,
  response: CaptureResponseSchema.nullable().default(null),
});

/** Validates one capture from a file; returns null when it does not have the Capture shape. */
export function parseCapture(input: unknown): Capture | null {
  const parsed = CaptureSchema.safeParse(input);
  if (!parsed.success) return null;
  // zod types optional fields as `T | undefined`, which exactOptionalPropertyTypes rejects; the values are checked.
  return dropUndefined(parsed.data) as Capture;
}

/** Removes `undefined`-valued keys (recursively in plain objects) so optional fields are absent, not undefined. */
export function dropUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dropUndefined) as T; // same array type, elements cleaned
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = dropUndefined(v);
  return out as T; // same keys minus undefined ones
}
