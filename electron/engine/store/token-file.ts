import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file.js';

/** The control token of a data dir, so a restart keeps an open window working (product.md §4 "v2 token"). */
export const TOKEN_FILE = 'control-token';

/** 192 random bits, URL-safe: the same strength as a per-run token. */
export function newControlToken(): string {
  return randomBytes(24).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,256}$/;

/**
 * The token kept in `<dataDir>/control-token`, created (or replaced, with `rotate`) when absent, unreadable or not a
 * token. The file is written atomically with mode 0600, and tightened to 0600 when found looser: the token gives full control of
 * the engine, so only its owner may read it. Returns whether it was created now.
 */
export async function dataDirToken(dataDir: string, rotate: boolean): Promise<{ token: string; created: boolean }> {
  const file = join(dataDir, TOKEN_FILE);
  if (!rotate) {
    const stored = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      () => null,
    );
    if (stored !== null && TOKEN_SHAPE.test(stored)) {
      // chmod is a no-op on Windows (ACLs apply there); on POSIX it repairs a copied or hand-made file.
      await chmod(file, 0o600).catch(() => undefined);
      return { token: stored, created: false };
    }
  }
  await mkdir(dataDir, { recursive: true });
  const token = newControlToken();
  // Written whole or not at all: a half-written token would lock every open page out after the next restart.
  await writeFileAtomically(file, `${token}\n`, 0o600);
  return { token, created: true };
}
