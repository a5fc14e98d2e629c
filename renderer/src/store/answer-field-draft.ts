import type { AnswerFieldSpec } from '../../../shared/protocol/types.js';

/** How an answer field is typed in the form: plain text, a number, a boolean or JSON (objects and arrays). */
export type AnswerFieldKind = 'string' | 'number' | 'boolean' | 'json';

/**
 * One answer field as typed; the kind travels with the text so the draft can be turned into a Decision alone.
 * `send`: the person asked for it ("Rewrite <name>", or typed in it); a field goes into `rewrite` only when asked and
 * its text is not empty.
 */
export interface AnswerFieldDraft {
  kind: AnswerFieldKind;
  text: string;
  send: boolean;
}

export function fieldKind(spec: Pick<AnswerFieldSpec, 'type'>): AnswerFieldKind {
  if (spec.type === 'string' || spec.type === 'number' || spec.type === 'boolean') return spec.type;
  return 'json';
}

/** The request's value of a field as text of that kind, or '' when the request has none of that type. */
function seedText(kind: AnswerFieldKind, value: unknown): string {
  if (kind === 'json') return typeof value === 'object' && value !== null ? JSON.stringify(value) : '';
  return typeof value === kind ? String(value) : '';
}

/**
 * The draft of a command's answer fields (its catalogue entry's `answer`, by wire name), each starting from the
 * request's value of the same name where it has one (the remark, the message `content`, `MsgBody`…), none asked for.
 */
export function seedAnswerFields(specs: readonly AnswerFieldSpec[], body: unknown): Record<string, AnswerFieldDraft> {
  const fields: Record<string, AnswerFieldDraft> = {};
  const request = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  for (const spec of specs) {
    const kind = fieldKind(spec);
    // Own properties only: a wire name such as `__proto__` or `constructor` must not read the prototype.
    const value: unknown = Object.hasOwn(request, spec.name)
      ? (request as Record<string, unknown>)[spec.name]
      : undefined;
    Object.defineProperty(fields, spec.name, {
      value: { kind, text: seedText(kind, value), send: false },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return fields;
}

/** True when the field goes into the answer: asked for, with text. */
export const isSent = (field: AnswerFieldDraft | undefined): boolean => field?.send === true && field.text !== '';

/** The problem with one field's text, or null; a field not sent has none. */
export function answerFieldProblem(name: string, field: AnswerFieldDraft): string | null {
  if (!isSent(field)) return null;
  const parsed = parseAnswerField(name, field);
  return parsed.ok ? null : parsed.error;
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

function parseAnswerField(name: string, field: AnswerFieldDraft): Parsed {
  const text = field.text.trim();
  if (field.kind === 'string') return { ok: true, value: field.text };
  if (field.kind === 'number') {
    const value = Number(text);
    return text !== '' && Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, error: `${name} must be a number, got ${JSON.stringify(field.text)}` };
  }
  if (field.kind === 'boolean') {
    if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
    return { ok: false, error: `${name} must be true or false` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${name} is not valid JSON: ${detail}` };
  }
}

/** Every field asked for by wire name, or the first field's problem (fields not asked for or left empty are not sent). */
export function parseAnswerFields(
  fields: Record<string, AnswerFieldDraft>,
): { ok: true; values: Record<string, unknown> } | { ok: false; error: string } {
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (!isSent(field)) continue;
    const parsed = parseAnswerField(name, field);
    if (!parsed.ok) return parsed;
    // defineProperty: a wire name such as `__proto__` must stay an own key.
    Object.defineProperty(values, name, { value: parsed.value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, values };
}
