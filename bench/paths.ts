import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file with a package-lock.json beside a `bench` folder. */
function findRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 10; i++) {
    if (existsSync(join(dir, 'package-lock.json')) && existsSync(join(dir, 'bench'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

// Works for the bundle (dist/bench/run.js) and the sources (bench/*.ts) alike.
export const REPO_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const PEERS_DIR = join(REPO_ROOT, 'bench/peers');
export const RESULTS_DIR = join(REPO_ROOT, 'bench/results');
