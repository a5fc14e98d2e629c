import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `<dataDir>/engine.lock`: the pid of the engine that owns the folder. */
export const LOCK_FILE = 'engine.lock';

/** Another engine (its pid given) runs on this data dir: this one must not start (product.md §4 v3). */
export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `the data dir ${dir} is in use by another Callback Inspector engine (pid ${pid}); stop that one, or pass --data-dir with another folder`,
    );
  }
}

/** Lock files this process holds (two engines of one process on one dir are refused like two processes). */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else (still a live holder).
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // process.kill throws ErrnoException
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * The pid of a live engine holding `dir`, or null. A lock file whose process is gone (crash, `kill -9`), or whose pid
 * is this process's own without this process holding it (a pid reused after a reboot), holds nothing.
 */
export function lockHolder(dir: string): number | null {
  const file = join(dir, LOCK_FILE);
  const pid = readPid(file);
  if (pid === null) return null;
  if (pid === process.pid) return heldHere.has(file) ? pid : null;
  return isAlive(pid) ? pid : null;
}

/**
 * Takes the data dir for this engine: creates the lock file exclusively (so two engines starting at the same moment
 * cannot both win), replacing a stale one. Throws DataDirBusyError when a live engine holds it. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw err; // fs errors are ErrnoException
    }
    const holder = lockHolder(dir);
    if (holder !== null) throw new DataDirBusyError(dir, holder);
    // Stale (or being written this instant: an empty file reads as no pid, and the next attempt sees it).
    try {
      unlinkSync(file);
    } catch {}
  }
  heldHere.add(file);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    // Only our own lock: after a stale-lock takeover by another engine the file is no longer ours.
    if (readPid(file) === process.pid) {
      try {
        unlinkSync(file);
      } catch {}
    }
  };
}
