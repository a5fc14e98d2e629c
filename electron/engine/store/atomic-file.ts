import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Replaces `path` with `text` so that a crash or power loss leaves the old file or the new one, never half of one:
 * write-file-atomic writes a temp file beside it, fsyncs it, renames it over (writes to one path queue up in call
 * order) and removes the temp file on failure or exit; the folder is then fsynced so that the rename is on disk too.
 * `mode` gives the file exactly that mode (0o600 for secrets and captures); without it a replaced file keeps its mode
 * (and owner) and a new file gets the default (0666 less the umask).
 */
export async function writeFileAtomically(path: string, text: string, mode?: number): Promise<void> {
  await writeFileAtomic(path, text, { encoding: 'utf8', mode });
  await fsyncDir(dirname(path));
}

/** Makes a rename in `dir` durable. Best effort: some file systems refuse to fsync a directory. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  await handle
    .sync()
    .catch(() => undefined)
    .finally(() => handle.close());
}
