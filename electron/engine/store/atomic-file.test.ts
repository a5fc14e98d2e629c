import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../testing/test-support.js';
import { writeFileAtomically } from './atomic-file.js';

let dir: string | null = null;
afterEach(async () => {
  await removeDir(dir);
  dir = null;
});

const modeOf = (file: string): number => statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('writeFileAtomically', () => {
  it('gives the file the mode asked for, and otherwise keeps the mode of the file it replaces', async () => {
    dir = await tempDir();
    const secret = join(dir, 'secret');
    writeFileSync(secret, 'old\n', { mode: 0o644 });
    await writeFileAtomically(secret, 'new\n', 0o600);
    expect(readFileSync(secret, 'utf8')).toBe('new\n');
    expect(modeOf(secret)).toBe(0o600);

    const plain = join(dir, 'plain.json');
    writeFileSync(plain, '{}\n');
    chmodSync(plain, 0o640);
    await writeFileAtomically(plain, '{"a":1}\n');
    expect(modeOf(plain)).toBe(0o640);
  });

  it('applies writes to one file in call order and leaves no temp file behind', async () => {
    dir = await tempDir();
    const file = join(dir, 'settings.json');
    await Promise.all(Array.from({ length: 20 }, (_, n) => writeFileAtomically(file, `${n}\n`)));
    expect(readFileSync(file, 'utf8')).toBe('19\n');
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('removes its temp file when the rename fails', async () => {
    dir = await tempDir();
    // A folder in the file's place: the temp file is written, then the rename over the folder fails.
    const target = join(dir, 'rules.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    await expect(writeFileAtomically(target, '[]\n')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['rules.json']);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});
