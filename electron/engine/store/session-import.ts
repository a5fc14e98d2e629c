import {
  type Capture,
  ControlApiError,
  IMPORT_VALUE_LIMIT,
  type ImportResponse,
} from '../../../shared/contract/index.js';
import { jsonDeeperThan } from '../../../shared/protocol/index.js';
import { parseCapture } from './capture-schema.js';
import type { Identify } from './har.js';
import { parseImport } from './session-io.js';

/**
 * `POST /api/import` read as it arrives (product.md §4 v3 "import streamed or bounded"): a 200 MB file held the
 * listener 14 s and took 1.25 GB when read whole. NDJSON (one capture per line) and the JSON session as the engine
 * exports it (`JSON.stringify(session, null, 2)`: each capture of `captures` between a line `    {` and a line
 * `    }`) are imported line by line, in batches, letting callbacks through between them; one capture is at most
 * IMPORT_VALUE_LIMIT. Any other file (HAR, a session in another layout) is one JSON value, read whole up to
 * IMPORT_VALUE_LIMIT and refused with 413 beyond, before the rest is read.
 */

/** Adds a batch of captures to the store (the engine's `importCaptures`). */
export type ImportSink = (captures: Capture[]) => ImportResponse;

const MIB = IMPORT_VALUE_LIMIT / 1_048_576;
const TOO_LARGE = `over ${MIB} MiB in one piece: only NDJSON (one capture per line) and the session file as this app exports it are read piece by piece, at most ${MIB} MiB a capture; any other file at most ${MIB} MiB. Export as NDJSON (GET /api/export?format=ndjson) to move larger sessions.`;
/** The listener gets a turn at least this often while a long import runs. */
const SLICE_MS = 8;

const SESSION_START = /^ {2}"format": "callback-inspector-session",$/;
const ITEM_OPEN = '    {';
const ITEM_CLOSE = /^ {4}\},?$/;

type Mode = 'detect' | 'ndjson' | 'session' | 'document';

export interface ImportOptions {
  /** Re-identifies HAR entries from other tools. */
  identify?: Identify;
  /** The request's Content-Length: a document declared over the limit is refused as soon as it is seen to be one. */
  declaredBytes?: number;
}

/** Reads an import from its chunks; the captures go to `sink` in batches. Throws ControlApiError (400/413). */
export async function importStream(
  chunks: AsyncIterable<Uint8Array>,
  sink: ImportSink,
  opts: ImportOptions = {},
): Promise<ImportResponse> {
  const reader = new ImportReader(sink, opts);
  const lines = new LineSplitter(IMPORT_VALUE_LIMIT);
  let slice = performance.now();
  for await (const chunk of chunks) {
    for (const line of lines.push(chunk)) reader.line(line);
    reader.flush();
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  const last = lines.end();
  if (last !== null) reader.line(last);
  return reader.end();
}

/** Splits bytes into lines (UTF-8 never has a 0x0A inside a character); a line longer than `limit` is a 413. */
class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly limit: number) {}

  push(chunk: Uint8Array): string[] {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const out: string[] = [];
    let start = 0;
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start)) {
      this.add(bytes.subarray(start, nl));
      out.push(Buffer.concat(this.parts, this.size).toString('utf8'));
      this.parts = [];
      this.size = 0;
      start = nl + 1;
    }
    if (start < bytes.length) this.add(bytes.subarray(start));
    return out;
  }

  end(): string | null {
    return this.size === 0 ? null : Buffer.concat(this.parts, this.size).toString('utf8');
  }

  private add(part: Buffer): void {
    this.size += part.length;
    if (this.size > this.limit) throw new ControlApiError(413, 'import-too-large', `The file has a line ${TOO_LARGE}`);
    // Copied: the chunk's memory is the socket's, reused after this turn.
    this.parts.push(Buffer.from(part));
  }
}

/** The state machine over the file's lines: what kind of file, and the captures it holds. */
class ImportReader {
  private mode: Mode = 'detect';
  private lineNo = 0;
  private batch: Capture[] = [];
  private totals: ImportResponse = { imported: 0, skipped: 0, duplicates: 0 };
  /** Document mode: the lines so far (and their bytes); session mode: the current capture's lines. */
  private held: string[] = [];
  private heldBytes = 0;
  /** Session mode: where in the export's layout the reader is. */
  private at: 'header' | 'items' | 'item' | 'after-items' | 'done' = 'header';
  private version: string | null = null;

  constructor(
    private readonly sink: ImportSink,
    private readonly opts: ImportOptions,
  ) {}

  line(text: string): void {
    this.lineNo += 1;
    if (this.mode === 'detect') this.detect(text);
    else if (this.mode === 'ndjson') this.ndjsonLine(text);
    else if (this.mode === 'session') this.sessionLine(text);
    else this.hold(text);
  }

  /** Hands the captures read so far to the store. */
  flush(): void {
    if (this.batch.length === 0) return;
    const result = this.sink(this.batch);
    this.batch = [];
    this.totals.imported += result.imported;
    this.totals.skipped += result.skipped;
    this.totals.duplicates += result.duplicates;
  }

  end(): ImportResponse {
    if (this.mode === 'document' || this.mode === 'detect') {
      const parsed = parseImport(this.held.join('\n'), this.opts.identify);
      this.batch = parsed.captures;
      this.totals.skipped += parsed.skipped;
    } else if (this.mode === 'session' && this.at !== 'done') {
      throw this.layoutError('the file ends before its last "}"');
    }
    this.flush();
    return this.totals;
  }

  private detect(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (this.held.length === 1 && this.held[0]?.trim() === '{' && SESSION_START.test(text)) {
      this.mode = 'session';
      this.held = [];
      this.heldBytes = 0;
      return;
    }
    if (this.held.length === 0 && trimmed !== '{') {
      const capture = parseValue(trimmed);
      if (capture !== null && !isDocument(capture)) {
        const parsed = parseCapture(capture);
        if (parsed) {
          this.mode = 'ndjson';
          this.batch.push(parsed);
          return;
        }
      }
    }
    if (this.held.length > 0 || trimmed !== '{') this.mode = 'document';
    this.hold(text);
  }

  private ndjsonLine(text: string): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    this.take(trimmed);
  }

  /** The session export's layout, line by line; anything else there is a 400 naming the line. */
  private sessionLine(text: string): void {
    if (this.at === 'item') {
      this.held.push(text);
      this.heldBytes += Buffer.byteLength(text) + 1;
      if (this.heldBytes > IMPORT_VALUE_LIMIT)
        throw new ControlApiError(413, 'import-too-large', `A capture is ${TOO_LARGE}`);
      if (ITEM_CLOSE.test(text)) {
        this.at = 'items';
        const item = this.held.join('\n');
        this.held = [];
        this.heldBytes = 0;
        this.take(item.endsWith(',') ? item.slice(0, -1) : item);
      }
      return;
    }
    if (this.at === 'header') {
      const version = /^ {2}"version": (.*?),?$/.exec(text);
      if (version) this.version = version[1] ?? null;
      else if (text === '  "captures": [' || text === '  "captures": []') {
        if (this.version !== '1')
          throw new ControlApiError(
            400,
            'unsupported-import',
            'this session file version is not supported (expected 1)',
          );
        this.at = text.endsWith('[]') ? 'after-items' : 'items';
      } else if (!/^ {2}"[A-Za-z]+": [^[{]*,$/.test(text))
        throw this.layoutError('a field other than the export writes');
      return;
    }
    if (this.at === 'items') {
      if (text === ITEM_OPEN) {
        this.at = 'item';
        this.held = [text];
        this.heldBytes = Buffer.byteLength(text) + 1;
      } else if (text === '  ]' || text === '  ],') this.at = 'after-items';
      else if (/^ {4}\S/.test(text))
        this.take(text.trim().replace(/,$/, '')); // a one-line item: counted as skipped
      else throw this.layoutError('not a capture of "captures"');
      return;
    }
    if (this.at === 'after-items' && text === '}') this.at = 'done';
    else if (text.trim() !== '') throw this.layoutError('text after the captures');
  }

  /** One capture's JSON text: into the batch, or counted as skipped. */
  private take(json: string): void {
    const value = jsonDeeperThan(json) ? null : parseValue(json);
    const capture = value === null ? null : parseCapture(value);
    if (capture) this.batch.push(capture);
    else this.totals.skipped += 1;
  }

  private hold(text: string): void {
    this.held.push(text);
    this.heldBytes += Buffer.byteLength(text) + 1;
    const declared = this.mode === 'document' ? (this.opts.declaredBytes ?? 0) : 0;
    if (this.heldBytes > IMPORT_VALUE_LIMIT || declared > IMPORT_VALUE_LIMIT)
      throw new ControlApiError(413, 'import-too-large', `The file is a JSON document ${TOO_LARGE}`);
  }

  private layoutError(why: string): ControlApiError {
    this.flush();
    const done = this.totals.imported + this.totals.duplicates;
    return new ControlApiError(
      400,
      'unsupported-import',
      `line ${this.lineNo} does not follow the session export's layout (${why}); the ${done} captures before it were imported. Export again, or import NDJSON.`,
    );
  }
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A whole session or HAR file on one line (not a capture): read as a document. */
const isDocument = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || Array.isArray(value) || 'format' in value || 'log' in value;
