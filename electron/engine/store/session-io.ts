import type { Capture, ExportFormat, SessionFile } from '../../../shared/contract/index.js';
import { ControlApiError, zodDetails } from '../../../shared/contract/index.js';
import { jsonDeeperThan, MAX_JSON_DEPTH } from '../../../shared/protocol/index.js';
import { parseCapture } from './capture-schema.js';
import { capturesToHar, harToCaptures, type Identify } from './har.js';
import { HarSchema } from './har-schema.js';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

const EXTENSIONS: Record<ExportFormat, string> = { json: 'json', har: 'har', ndjson: 'ndjson' };
const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  har: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** `callback-inspector-2026-11-23T14-05-09.har`: sortable, no characters file systems dislike. */
export function exportFilename(format: ExportFormat, now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replaceAll(':', '-');
  return `callback-inspector-${stamp}.${EXTENSIONS[format]}`;
}

export function buildExport(
  format: ExportFormat,
  captures: readonly Capture[],
  version: string,
  now: number,
): ExportFile {
  let body: string;
  if (format === 'json') {
    const session: SessionFile = {
      format: 'callback-inspector-session',
      version: 1,
      exportedAt: now,
      captures: [...captures],
    };
    body = JSON.stringify(session, null, 2);
  } else if (format === 'har') {
    body = JSON.stringify(capturesToHar(captures, version), null, 2);
  } else {
    body = captures.map((c) => `${JSON.stringify(c)}\n`).join('');
  }
  return { filename: exportFilename(format, now), contentType: CONTENT_TYPES[format], body };
}

export interface ParsedImport {
  kind: 'session' | 'har' | 'ndjson';
  captures: Capture[];
  /** Entries that did not have the shape of a capture. */
  skipped: number;
}

const NOT_RECOGNISED =
  'expected a Callback Inspector session (JSON with "format": "callback-inspector-session"), a HAR 1.2 file ' +
  '(JSON with "log.entries"), or NDJSON with one capture per line';

function fromCaptureList(list: readonly unknown[]): { captures: Capture[]; skipped: number } {
  const captures: Capture[] = [];
  let skipped = 0;
  for (const item of list) {
    const capture = parseCapture(item);
    if (capture) captures.push(capture);
    else skipped++;
  }
  return { captures, skipped };
}

/** Detects the file kind and turns it into captures; anything unrecognised is 400 `unsupported-import`. */
export function parseImport(text: string, identify?: Identify): ParsedImport {
  if (text.trim() === '') throw new ControlApiError(400, 'invalid-json', `the file is empty; ${NOT_RECOGNISED}`);
  // A capture nested this deep could not be serialised again (its line, its export): refused whole.
  if (jsonDeeperThan(text)) {
    throw new ControlApiError(
      400,
      'body-too-deep',
      `the file nests deeper than ${MAX_JSON_DEPTH} levels; ${NOT_RECOGNISED}`,
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (error) {
    return parseNdjson(text, error);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ControlApiError(400, 'unsupported-import', NOT_RECOGNISED);
  }
  if ('format' in doc && doc.format === 'callback-inspector-session') {
    if (!('version' in doc) || doc.version !== 1) {
      throw new ControlApiError(400, 'unsupported-import', 'this session file version is not supported (expected 1)');
    }
    if (!('captures' in doc) || !Array.isArray(doc.captures)) {
      throw new ControlApiError(400, 'unsupported-import', 'session file has no "captures" array');
    }
    return { kind: 'session', ...fromCaptureList(doc.captures) };
  }
  if ('log' in doc) {
    const har = HarSchema.safeParse(doc);
    if (!har.success) {
      throw new ControlApiError(400, 'invalid-har', 'the file is not a valid HAR 1.2 log', zodDetails(har.error));
    }
    return { kind: 'har', ...harToCaptures(har.data, identify) };
  }
  // A one-line NDJSON export is a single JSON capture object.
  const single = parseCapture(doc);
  if (single) return { kind: 'ndjson', captures: [single], skipped: 0 };
  throw new ControlApiError(400, 'unsupported-import', NOT_RECOGNISED);
}

function parseNdjson(text: string, firstError: unknown): ParsedImport {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const items: unknown[] = [];
  for (const [i, line] of lines.entries()) {
    try {
      items.push(JSON.parse(line) as unknown);
    } catch {
      const reason = i === 0 && firstError instanceof Error ? firstError.message : `line ${i + 1} is not JSON`;
      throw new ControlApiError(400, 'invalid-json', `the file is not valid JSON (${reason}); ${NOT_RECOGNISED}`);
    }
  }
  const result = fromCaptureList(items);
  if (result.captures.length === 0) throw new ControlApiError(400, 'unsupported-import', NOT_RECOGNISED);
  return { kind: 'ndjson', ...result };
}
