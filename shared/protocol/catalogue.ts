import type { Dialect, DialectOrUnknown, Phase } from '../contract/capture.js';
import { OPENIM_COMMANDS } from './openim/catalogue/index.js';
import { TENCENT_COMMANDS } from './tencent/catalogue/index.js';
import type { CommandInfo } from './types.js';

/** Every recognised command of both servers: OpenIM first, then Tencent (each dialect's tables in `<dialect>/catalogue/`). */
export const catalogue: readonly CommandInfo[] = [...OPENIM_COMMANDS, ...TENCENT_COMMANDS];

// A Map, not an object, so a command named `__proto__` or `constructor` cannot hit a prototype member.
const byName = new Map<string, CommandInfo>(catalogue.map((c) => [c.name, c]));

/** Exact (case-sensitive) look-up; with a dialect, only that dialect's command matches. */
export function findCommand(name: string, dialect?: Dialect | DialectOrUnknown): CommandInfo | undefined {
  const info = byName.get(name);
  if (!info) return undefined;
  if (dialect && dialect !== 'unknown' && info.dialect !== dialect) return undefined;
  return info;
}

/** Modelled commands that have a sample body, OpenIM first (the "Send sample callback" buttons). */
export function sampleCommands(): CommandInfo[] {
  return catalogue.filter((c) => c.modelled && c.sample !== undefined && !c.legacy);
}

/** Phase from the name alone, for unknown commands: Before/Prev → before; After or a bare Callback… → after. */
export function guessPhase(name: string): Phase {
  const local = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name;
  if (/Before|Prev/.test(local)) return 'before';
  if (/After/.test(local)) return 'after';
  if (/^callback/i.test(local)) return 'after';
  return 'unknown';
}

/** An OpenIM-style name: `callbackSomethingCommand` (or a legacy `callbackX`). */
export const looksOpenIm = (name: string): boolean => /^callback[A-Z][A-Za-z0-9]*$/.test(name);

/** A Tencent-style name: `Family.CallbackX` or `Family.Something` (dotted, PascalCase). */
export const looksTencent = (name: string): boolean => /^[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*$/.test(name);
