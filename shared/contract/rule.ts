import { z } from 'zod';
import { DecisionSchema } from './decision.js';
import { UpstreamUrlSchema } from './settings.js';

export const CONDITION_OPS = ['equals', 'contains', 'matches', 'exists', 'in'] as const;

export const ConditionSchema = z.strictObject({
  /** Dots and `[]` for "any item of the array": `FriendItem[].To_Account`. */
  path: z.string().min(1).max(500),
  op: z.enum(CONDITION_OPS),
  value: z.unknown().optional(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const RuleActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('answer'), decision: DecisionSchema }),
  z.strictObject({ type: z.literal('hold') }),
  /** Upstream mode for matching requests: forward to `url`, or to the `upstream.url` setting when absent. */
  z.strictObject({ type: z.literal('forward'), url: UpstreamUrlSchema.optional() }),
]);
export type RuleAction = z.infer<typeof RuleActionSchema>;

export const RuleSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only'),
  name: z.string().max(200).default(''),
  enabled: z.boolean().default(true),
  match: z
    .strictObject({
      dialect: z.enum(['openim', 'tencent', 'any']).default('any'),
      /** Exact name or glob (`*AddFriend*`); absent = any command. */
      command: z.string().max(200).optional(),
      where: z.array(ConditionSchema).max(50).default([]),
    })
    .default({ dialect: 'any', where: [] }),
  action: RuleActionSchema,
  /** null = always; N = the next N matches, then the rule stops matching. */
  times: z.number().int().min(1).nullable().default(null),
});
export type Rule = z.infer<typeof RuleSchema>;
export type RuleInput = z.input<typeof RuleSchema>;

/** A rule file and the body of `PUT /api/rules`: ids must be unique. */
export const RuleListSchema = z.array(RuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate rule id "${rule.id}"` });
    seen.add(rule.id);
  });
});

/** What `GET /api/rules` returns per rule: the rule plus the engine's counters (ignored on PUT). */
export interface RuleWithStats extends Rule {
  hits: number;
  /** Matches left for a rule with `times`; null when unlimited. */
  remaining: number | null;
}
