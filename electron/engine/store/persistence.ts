import { readFile } from 'node:fs/promises';
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

  /** The parsed file; undefined when absent; undefined (and logged) when unreadable or not JSON. */
  async read(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`cannot read ${this.path}: ${String(err)}`); // fs errors are ErrnoException
      return undefined;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      this.log(`ignoring ${this.path}: not JSON (${String(err)})`);
      return undefined;
    }
  }

  /** Writes after any write already queued; rejects with a PersistError when the file could not be written. */
  write(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const written = this.pending.then(() =>
      writeFileAtomically(this.path, text).catch((err: unknown) => {
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
