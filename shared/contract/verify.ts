import { z } from 'zod';
import { compileCondition } from '../rules/conditions.js';
import { ConditionSchema } from './rule.js';

/**
 * v3 `verify` (product.md §5): an expectation file, checked against recorded callbacks by `callback-inspector
 * verify` and `POST /api/verify`. `schemas/verify-expect.schema.json` is generated from `ExpectFileSchema`.
 */
export const VERIFY_EFFECTS = ['proceeds', 'blocked', 'partial', 'fails', 'ignored', 'unknown', 'dropped'] as const;

const count = z.number().int().min(0).max(1_000_000);

export const ExpectationSchema = z
  .strictObject({
    /** Names the expectation in the report and for `after`; default `#<index>` (from 1). */
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits, dot, colon, dash and underscore only')
      .optional(),
    dialect: z.enum(['openim', 'tencent', 'any']).optional(),
    /** Exact name or glob (`*AddFriend*`), as in rules. */
    command: z.string().min(1).max(200),
    /** Rule conditions on the request body; all must hold. */
    where: z.array(ConditionSchema).max(50).optional(),
    /** Exactly n, or a range; default at least 1. */
    count: z.union([count, z.strictObject({ min: count.optional(), max: count.optional() })]).optional(),
    /** The predicted outcome: an effect, or an effect and its code. */
    outcome: z
      .union([
        z.enum(VERIFY_EFFECTS),
        z.strictObject({ effect: z.enum(VERIFY_EFFECTS), code: z.number().int().optional() }),
      ])
      .optional(),
    /** Who decided: `default`, `rule:<id>`, `person`, `api`, `timeout`, `upstream`; a glob (`rule:*`) is allowed. */
    decidedBy: z.string().min(1).max(200).optional(),
    /** Later than a capture of that expectation, in the same flow. */
    after: z.string().min(1).max(100).optional(),
    /** With `after`: at most this many ms after that step. */
    within: z.number().int().min(0).max(86_400_000).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.within !== undefined && e.after === undefined)
      ctx.addIssue({ code: 'custom', path: ['within'], message: '"within" needs "after" (the step it counts from)' });
    e.where?.forEach((condition, i) => {
      const compiled = compileCondition(condition);
      if (!compiled.ok) ctx.addIssue({ code: 'custom', path: ['where', i, compiled.field], message: compiled.error });
    });
  });
export type Expectation = z.infer<typeof ExpectationSchema>;

export const ExpectFileSchema = z
  .strictObject({
    expect: z.array(ExpectationSchema).min(1).max(500),
    /** Whole-session checks over the derived flows. */
    flows: z.strictObject({ noMissing: z.boolean().optional(), noUnexpected: z.boolean().optional() }).optional(),
  })
  .superRefine((file, ctx) => {
    const ids = file.expect.map((e, i) => e.id ?? `#${i + 1}`);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: ['expect', i, 'id'], message: `duplicate id "${id}"` });
    });
    file.expect.forEach((e, i) => {
      if (e.after === undefined) return;
      const target = ids.indexOf(e.after);
      if (target < 0)
        ctx.addIssue({ code: 'custom', path: ['expect', i, 'after'], message: `no expectation has id "${e.after}"` });
      // Earlier entries only: no cycles, and the file reads in order.
      else if (target >= i)
        ctx.addIssue({
          code: 'custom',
          path: ['expect', i, 'after'],
          message: `"after" must name an earlier expectation ("${e.after}" is not before this one)`,
        });
    });
  });
export type ExpectFile = z.infer<typeof ExpectFileSchema>;

/** A capture that fits an expectation but for some checks: shown for an unmet one. */
export interface VerifyNearMiss {
  captureId: string;
  /** The capture's number as shown everywhere (`captureNumber`: an imported capture keeps its recorded one). */
  seq: number;
  command: string | null;
  receivedAt: number;
  /** Each check it failed, in words: `where[0]: fromUserID is "bob"`. */
  why: string[];
}

export interface VerifyResult {
  id: string;
  met: boolean;
  /** Captures that satisfy every check. */
  count: number;
  captureIds: string[];
  /** Why it is unmet, in a sentence. */
  problem?: string;
  /** Unmet: the captures that came closest (fewest failed checks, latest first), at most 3. */
  closest?: VerifyNearMiss[];
  /** A flows check still waiting for a pending step (`--wait` keeps polling). */
  pending?: true;
}

export interface VerifyResponse {
  ok: boolean;
  results: VerifyResult[];
}
