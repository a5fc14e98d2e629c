/** Child processes of the bench: start, wait for a readiness line, measure RSS, stop (only what we started). */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly process: ChildProcess;
  /** Everything printed so far (stdout and stderr), for error messages. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output (already printed or still to come). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Own process group, so a wrapper's children (java under a launcher) are stopped with it. */
  group?: boolean;
}

const MAX_OUTPUT = 200_000;

export function spawnChild(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.group === true,
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    // Keep the head (startup lines) and bound the rest: chatty peers log every request.
    if (output.length < MAX_OUTPUT) output += chunk.toString('utf8');
    for (const wake of waiters) wake();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => {
    for (const wake of waiters) wake();
  });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;

  const waitFor = (pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = output.match(pattern);
        if (match) {
          done();
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(
            new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${tail(output)}`),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${name}: no ${pattern} within ${timeoutMs} ms:\n${tail(output)}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal(pid, 'SIGTERM', options.group === true);
    const killer = setTimeout(() => signal(pid, 'SIGKILL', options.group === true), 8_000);
    await exited;
    clearTimeout(killer);
  };

  return { name, pid, process: child, output: () => output, waitFor, stop };
}

function signal(pid: number, sig: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, sig);
  } catch {
    // Already gone.
  }
}

const tail = (text: string): string => text.split('\n').slice(-20).join('\n');

/** Resident set size of a process in MiB: /proc on Linux, `ps -o rss` elsewhere. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
    if (match?.[1]) return Number(match[1]) / 1024;
  } catch {
    // Not Linux: fall back to ps.
  }
  const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return kb / 1024;
}
