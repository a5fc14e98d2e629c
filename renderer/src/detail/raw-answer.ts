/** The raw answer editor's form logic: text as typed → the exact answer, with problems per field, in words. */
export interface RawAnswer {
  status: number;
  headers?: Record<string, string>;
  bodyText: string;
}

export interface RawDraft {
  status: string;
  /** One `Name: value` per line. */
  headers: string;
  body: string;
}

export type RawField = 'status' | 'headers' | 'body';

export interface RawCheck {
  /** The answer to send; null while an error blocks sending. */
  raw: RawAnswer | null;
  /** Problems that block sending (the engine would refuse the answer). */
  errors: Partial<Record<RawField, string>>;
  /** Sendable but probably not meant (a fault can be on purpose); the predicted outcome says what it causes. */
  warnings: Partial<Record<RawField, string>>;
}

/** Same cap as the Decision contract's `raw.bodyText`. */
const MAX_BODY_CHARS = 10 * 1024 * 1024;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function draftFromRaw(raw: RawAnswer): RawDraft {
  const headers = Object.entries(raw.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  let body = raw.bodyText;
  try {
    // Easier to edit; whitespace between JSON tokens changes nothing for either server.
    body = JSON.stringify(JSON.parse(raw.bodyText), null, 2);
  } catch {
    // Not JSON (a fault's body): kept exactly.
  }
  return { status: String(raw.status), headers: headers.join('\n'), body };
}

function parseHeaders(text: string): { headers: Record<string, string> } | { error: string } {
  const headers: Record<string, string> = {};
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim();
    if (colon === -1 || !HEADER_NAME.test(name)) {
      return { error: `Line ${i + 1} is not a header: write one per line as Name: value.` };
    }
    if (seen.has(name.toLowerCase())) return { error: `Header ${name} is given twice: keep one.` };
    seen.add(name.toLowerCase());
    headers[name] = line.slice(colon + 1).trim();
  }
  return { headers };
}

/** Checks the three fields; every message names the field's problem and how to fix it. */
export function checkRawDraft(draft: RawDraft): RawCheck {
  const errors: RawCheck['errors'] = {};
  const warnings: RawCheck['warnings'] = {};
  const statusText = draft.status.trim();
  const status = /^\d{3}$/.test(statusText) ? Number(statusText) : Number.NaN;
  if (!(status >= 100 && status <= 599)) {
    errors.status = 'Status must be a three-digit HTTP status from 100 to 599 (200 = OK).';
  }
  const parsed = parseHeaders(draft.headers);
  if ('error' in parsed) errors.headers = parsed.error;
  if (draft.body.length > MAX_BODY_CHARS) errors.body = 'The body is larger than 10 MiB: shorten it.';
  else if (draft.body.trim() !== '') {
    try {
      JSON.parse(draft.body);
    } catch (error) {
      warnings.body = `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}).`;
    }
  }
  const ok = Object.keys(errors).length === 0 && 'headers' in parsed;
  const raw: RawAnswer | null = ok ? { status, headers: parsed.headers, bodyText: draft.body } : null;
  return { raw, errors, warnings };
}
