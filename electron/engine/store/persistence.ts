import { chmod, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { writeFileAtomically } from './atomic-file.js';

/** A settings or rules change that could not be written: the change is not applied (→ 500 `persist-failed`). */
export class PersistError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot save ${basename(path)}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export type JsonRead =
  | { state: 'absent' }
  | { state: 'unreadable' | 'not-json'; error: string }
  | { state: 'ok'; value: unknown };

/**
 * Small JSON files of the data dir (settings.json, rules.json): read tolerant, written atomically and durably (a crash
 * or power loss leaves the old or the new file, never half of one: see writeFileAtomically) and in order.
 */
export class JsonFileStore {
  private pending: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Makes an existing file readable by its owner only (files of earlier releases were created 0644). */
  async tighten(): Promise<void> {
    await chmod(this.path, 0o600).catch(() => undefined);
  }

  /** The parsed file; undefined when absent; undefined (and logged) when unreadable or not JSON. */
  async read(): Promise<unknown> {
    const read = await this.readFile();
    return read.state === 'ok' ? read.value : undefined;
  }

  /** The file and what is wrong with it, if anything (logged): absent, unreadable, not JSON, or its value. */
  async readFile(): Promise<JsonRead> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' }; // fs errors are ErrnoException
      this.log(`cannot read ${this.path}: ${String(err)}`);
      return { state: 'unreadable', error: err instanceof Error ? err.message : String(err) };
    }
    try {
      return { state: 'ok', value: JSON.parse(text) as unknown };
    } catch (err) {
      this.log(`ignoring ${this.path}: not JSON (${String(err)})`);
      return { state: 'not-json', error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Writes after any write already queued; rejects with a PersistError when the file could not be written. */
  write(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const written = this.pending.then(() =>
      writeFileAtomically(this.path, text, 0o600).catch((err: unknown) => {
        this.log(`cannot write ${this.path}: ${String(err)}`);
        throw new PersistError(this.path, err);
      }),
    );
    this.pending = written.catch(() => undefined);
    return written;
  }

  /** Resolves when every queued write has finished (never rejects). */
  flush(): Promise<void> {
    return this.pending;
  }
}
