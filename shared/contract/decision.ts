import { z } from 'zod';

/** Ways the answer can be broken on purpose. */
export const FAULT_TYPES = [
  'http-status',
  'invalid-json',
  'string-codes',
  'empty-body',
  'no-response',
  'close',
  'reset',
] as const;
export const FaultTypeSchema = z.enum(FAULT_TYPES);
export type FaultType = z.infer<typeof FaultTypeSchema>;

export const VerdictSchema = z.enum(['allow', 'deny']);
export type Verdict = z.infer<typeof VerdictSchema>;

/**
 * A JSON object of `value`s that keeps every key as an own property, `__proto__` and `constructor` included
 * (`z.record` drops `__proto__` silently: a Tencent account may be named so, and its per-target answer was lost).
 */
function ownRecord<T extends z.ZodType>(value: T) {
  return z
    .custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      'expected an object',
    )
    .transform((input, ctx) => {
      const out: Record<string, z.output<T>> = {};
      for (const key of Object.keys(input)) {
        const parsed = value.safeParse(input[key]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            ctx.addIssue({ code: 'custom', path: [key, ...issue.path], message: issue.message });
          }
          continue;
        }
        // defineProperty: a plain assignment of `__proto__` would replace the prototype instead.
        Object.defineProperty(out, key, { value: parsed.data, enumerable: true, writable: true, configurable: true });
      }
      return out;
    });
}

const code = z.number().int().min(-2_147_483_648).max(2_147_483_647);

/** The answer fields a Decision sets, by wire name (`remark`, `friendUserIDs`, `content`, `MsgBody` …). */
export type Rewrite = { remark?: string; friendUserIDs?: string[]; [wireName: string]: unknown };

const REMARK = z.string().max(10_000);
const USER_IDS = z.array(z.string()).max(10_000);

/**
 * `rewrite`: any answer field by wire name. Which names and JSON types a command takes is the catalogue's business
 * (shared/protocol `decisionProblems`, checked by the decision route and the rules); here only the shape, the two
 * v1 fields' types and a bound on the number of fields.
 */
const RewriteSchema = ownRecord(z.unknown())
  .superRefine((r, ctx) => {
    if (Object.keys(r).length > 100) ctx.addIssue({ code: 'custom', message: 'at most 100 fields' });
    for (const [key, schema] of [
      ['remark', REMARK],
      ['friendUserIDs', USER_IDS],
    ] as const) {
      if (!Object.hasOwn(r, key) || r[key] === undefined) continue;
      const parsed = schema.safeParse(r[key]);
      if (!parsed.success) for (const i of parsed.error.issues) ctx.addIssue({ ...i, path: [key, ...i.path] });
    }
  })
  .transform((r) => r as Rewrite);

export const TargetDecisionSchema = z.strictObject({
  verdict: VerdictSchema,
  code: code.optional(),
  message: z.string().max(10_000).optional(),
});
export type TargetDecision = z.infer<typeof TargetDecisionSchema>;

/**
 * The one answer shape used by the UI, rules, the control API and the response builder (product.md §2).
 * deny: OpenIM errCode/errMsg/errDlt; Tencent ErrorCode-less per-target ResultCode/ResultInfo.
 */
export const DecisionSchema = z.strictObject({
  verdict: VerdictSchema,
  code: code.optional(),
  message: z.string().max(10_000).optional(),
  detail: z.string().max(10_000).optional(),
  targets: ownRecord(TargetDecisionSchema).optional(),
  rewrite: RewriteSchema.optional(),
  override: ownRecord(z.unknown()).optional(),
  fault: z
    .strictObject({
      type: FaultTypeSchema,
      status: z.number().int().min(100).max(599).optional(),
    })
    .optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  /**
   * The exact answer to send, written by hand (the raw answer editor, or a backend's proposal sent as is or edited).
   * When present it wins over verdict/targets/rewrite/override/fault; `delayMs` still applies. Headers default to
   * `Content-Type: application/json; charset=utf-8` when absent.
   */
  raw: z
    .strictObject({
      status: z.number().int().min(100).max(599),
      headers: z.record(z.string(), z.string()).optional(),
      bodyText: z.string().max(10 * 1024 * 1024),
    })
    .optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** The default decision. Frozen: it is shared by every capture answered by default (and serialised once). */
export const ALLOW: Decision = Object.freeze({ verdict: 'allow' });
