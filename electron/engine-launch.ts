import { randomBytes } from 'node:crypto';
import { createEngine, type Engine, type EngineOptions } from './engine/engine.js';

export const DEFAULT_CONTROL_PORT = 10007;

/** A fresh per-run control token: 192 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Starts the engine on the preferred control port; when that port cannot be bound (another copy, another tool),
 * starts a fresh engine on any free port instead. Only a control API that cannot bind at all is an error:
 * a busy callback-listener port is reported by the engine through `listenerStatus()` and shown in the window.
 */
export async function startEngine(
  options: EngineOptions,
  log: (line: string) => void,
  create: (options: EngineOptions) => Engine = createEngine,
): Promise<Engine> {
  const preferred = options.controlPort ?? DEFAULT_CONTROL_PORT;
  const first = create({ ...options, controlPort: preferred });
  try {
    await first.start();
    return first;
  } catch (error) {
    await first.stop().catch(() => undefined);
    if (preferred === 0) throw error;
    log(
      `control port ${preferred} unavailable (${error instanceof Error ? error.message : String(error)}); using any free port`,
    );
  }
  const second = create({ ...options, controlPort: 0 });
  await second.start();
  return second;
}
