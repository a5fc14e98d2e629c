import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Small JSON files of the data dir (settings.json, rules.json): read tolerant, written atomically
 * (temp file + rename, so a crash leaves the old or the new file, never half of one) and in order.
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

  /** Queues a write; writes never interleave, the last one queued wins. Never rejects (errors are logged). */
  write(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    this.pending = this.pending.then(() =>
      writeAtomic(this.path, text).catch((err: unknown) => this.log(`cannot write ${this.path}: ${String(err)}`)),
    );
    return this.pending;
  }

  /** Resolves when every queued write has finished. */
  flush(): Promise<void> {
    return this.pending;
  }
}

let tempCounter = 0;

export async function writeAtomic(path: string, text: string): Promise<void> {
  tempCounter += 1;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${tempCounter}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}
