import { basename } from 'node:path';
import {
  DEFAULT_SETTINGS,
  mergeSettings,
  migrateSettings,
  type Rule,
  type Settings,
  type SettingsPatch,
  SettingsSchema,
} from '../../shared/contract/index.js';
import { keepInvalidCopy, salvageRules, salvageSettings } from './store/config-salvage.js';
import type { JsonFileStore, JsonRead } from './store/persistence.js';

type Log = (line: string) => void;

const describeIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

/**
 * A stored file that did not validate: kept beside it (before anything rewrites it) and reported, one notice naming
 * the file and the copy, then one per problem. Logged too.
 */
async function reportInvalid(file: JsonFileStore, problems: string[], log: Log): Promise<string[]> {
  let kept: string;
  try {
    kept = `its original is kept as ${await keepInvalidCopy(file.path, new Date())}`;
  } catch (err) {
    kept = `its original could not be copied (${err instanceof Error ? err.message : String(err)})`;
  }
  const notices = [
    `${file.path} did not validate (${problems.length} problem${problems.length === 1 ? '' : 's'}): everything valid in it was kept; ${kept}.`,
    ...problems.map((problem) => `${basename(file.path)}: ${problem}`),
  ];
  for (const notice of notices) log(notice);
  return notices;
}

/** A file that could not be read or parsed at all: nothing in it can be kept, but it is kept and said. */
function unreadable(read: JsonRead): string[] | null {
  if (read.state === 'unreadable') return [`cannot be read (${read.error})`];
  if (read.state === 'not-json') return [`not JSON (${read.error})`];
  return null;
}

/**
 * Persisted settings, item by item (an invalid setting falls back to its default alone, product.md §4 v3), then the
 * caller's patch (CLI flags) on top. Settings of an earlier release are migrated (`migrateSettings`); each change and
 * each problem is logged and returned as a notice, which `GET /api/health` carries to the window. The migrated value
 * is saved with the next settings change.
 */
export async function loadSettings(
  file: JsonFileStore | null,
  patch: SettingsPatch | undefined,
  log: Log,
): Promise<{ saved: Settings; effective: Settings; notices: string[] }> {
  let saved = DEFAULT_SETTINGS;
  const notices: string[] = [];
  const read = await file?.readFile();
  if (file && read && read.state !== 'absent') {
    await file.tighten();
    const problems = unreadable(read);
    if (problems) notices.push(...(await reportInvalid(file, problems, log)));
    else if (read.state === 'ok') {
      const migrated = migrateSettings(read.value);
      for (const notice of migrated.notices) log(`settings: ${notice}`);
      notices.push(...migrated.notices);
      const salvaged = salvageSettings(migrated.settings);
      saved = salvaged.settings;
      if (salvaged.problems.length > 0) notices.push(...(await reportInvalid(file, salvaged.problems, log)));
    }
  }
  if (patch === undefined) return { saved, effective: saved, notices };
  const parsed = SettingsSchema.safeParse(mergeSettings(saved, patch));
  if (!parsed.success) throw new Error(`invalid settings: ${describeIssues(parsed.error.issues)}`);
  return { saved, effective: parsed.data, notices };
}

/**
 * What to write back after a settings change: the saved settings plus only the values that changed between
 * `prev` and `next`. Run-only overrides (CLI flags such as `--port 0`) stay out of settings.json unless the person
 * changes that very value. Settings are two levels deep with primitive leaves.
 */
export function carryChanges(saved: Settings, prev: Settings, next: Settings): Settings {
  const out = structuredClone(saved);
  for (const section of Object.keys(next) as (keyof Settings)[]) {
    const from = prev[section] as Record<string, unknown>; // sections are flat records of primitives
    const to = next[section] as Record<string, unknown>;
    const target = out[section] as Record<string, unknown>;
    for (const key of Object.keys(to)) if (to[key] !== from[key]) target[key] = to[key];
  }
  return out;
}

/**
 * The rules given by the caller (CLI --rules, already validated), else the persisted ones, rule by rule: an invalid
 * rule is left out alone, the file kept beside and each problem returned as a notice (product.md §4 v3).
 */
export async function loadRules(
  file: JsonFileStore | null,
  given: Rule[] | undefined,
  log: Log,
): Promise<{ rules: Rule[]; notices: string[] }> {
  if (given !== undefined) return { rules: given, notices: [] };
  const read = await file?.readFile();
  if (!file || !read || read.state === 'absent') return { rules: [], notices: [] };
  await file.tighten();
  const problems = unreadable(read);
  if (problems) return { rules: [], notices: await reportInvalid(file, problems, log) };
  if (read.state !== 'ok') return { rules: [], notices: [] };
  const salvaged = salvageRules(read.value);
  if (salvaged.problems.length === 0) return { rules: salvaged.rules, notices: [] };
  return { rules: salvaged.rules, notices: await reportInvalid(file, salvaged.problems, log) };
}
