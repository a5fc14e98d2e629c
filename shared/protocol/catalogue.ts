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

/** Levenshtein distance, two rows; stops early once every entry of a row exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(value);
      if (value < least) least = value;
    }
    if (least > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

const currentNames = catalogue.filter((c) => !c.legacy);

/**
 * The known command whose name is closest to `name` (edit distance, ignoring case), preferring the dialect the name
 * looks like: what a misspelt or unknown command is reported against. Runs only for unknown commands.
 */
export function closestCommand(name: string): CommandInfo | undefined {
  const dialect = looksTencent(name) ? 'tencent' : looksOpenIm(name) ? 'openim' : undefined;
  const lower = name.toLowerCase();
  let best: CommandInfo | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of currentNames) {
    if (dialect !== undefined && c.dialect !== dialect) continue;
    const d = editDistance(lower, c.name.toLowerCase(), Math.min(bestDistance, 1000));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** "Unknown command "X"; the closest known command is Y." */
export function unknownCommandText(name: string): string {
  const near = closestCommand(name);
  return `Unknown command ${JSON.stringify(name)}${near ? `; the closest known command is ${near.name}` : ''}.`;
}
