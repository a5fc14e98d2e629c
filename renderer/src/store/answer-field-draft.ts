import type { AnswerFieldSpec } from '../../../shared/protocol/types.js';

/** How an answer field is typed in the form: plain text, a number, a boolean or JSON (objects and arrays). */
export type AnswerFieldKind = 'string' | 'number' | 'boolean' | 'json';

/** One answer field as typed; the kind travels with the text so the draft can be turned into a Decision alone. */
export interface AnswerFieldDraft {
  kind: AnswerFieldKind;
  text: string;
}

export function fieldKind(spec: Pick<AnswerFieldSpec, 'type'>): AnswerFieldKind {
  if (spec.type === 'string' || spec.type === 'number' || spec.type === 'boolean') return spec.type;
  return 'json';
}

/** The problem with one field's text, or null; empty text is fine (the field is not sent). */
export function answerFieldProblem(name: string, field: AnswerFieldDraft): string | null {
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

/** Every filled-in field by wire name, or the first field's problem (fields left empty are not sent). */
export function parseAnswerFields(
  fields: Record<string, AnswerFieldDraft>,
): { ok: true; values: Record<string, unknown> } | { ok: false; error: string } {
  const values: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (field.text === '') continue;
    const parsed = parseAnswerField(name, field);
    if (!parsed.ok) return parsed;
    // defineProperty: a wire name such as `__proto__` must stay an own key.
    Object.defineProperty(values, name, { value: parsed.value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, values };
}
