import {
  DEFAULT_SETTINGS,
  mergeSettings,
  migrateSettings,
  type Rule,
  type Settings,
  type SettingsPatch,
  SettingsSchema,
} from '../../shared/contract/index.js';
import { validateRules } from '../../shared/rules/index.js';
import type { JsonFileStore } from './store/persistence.js';

type Log = (line: string) => void;

const describeIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string =>
  issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

/**
 * Persisted settings (defaults for anything missing or invalid), then the caller's patch (CLI flags) on top.
 * Settings of an earlier release are migrated (`migrateSettings`); each change is logged and returned as a notice,
 * which `GET /api/health` carries to the window. The migrated value is saved with the next settings change.
 */
export async function loadSettings(
  file: JsonFileStore | null,
  patch: SettingsPatch | undefined,
  log: Log,
): Promise<{ saved: Settings; effective: Settings; notices: string[] }> {
  let saved = DEFAULT_SETTINGS;
  let notices: string[] = [];
  const stored = await file?.read();
  if (stored !== undefined) {
    const migrated = migrateSettings(stored);
    const parsed = SettingsSchema.safeParse(mergeSettings(DEFAULT_SETTINGS, migrated.settings));
    if (parsed.success) {
      saved = parsed.data;
      notices = migrated.notices;
      for (const notice of notices) log(`settings: ${notice}`);
    } else log(`ignoring ${file?.path}: ${describeIssues(parsed.error.issues)}`);
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

/** The rules given by the caller (CLI --rules, already validated), else the persisted ones. */
export async function loadRules(file: JsonFileStore | null, given: Rule[] | undefined, log: Log): Promise<Rule[]> {
  if (given !== undefined) return given;
  const stored = await file?.read();
  if (stored === undefined) return [];
  const result = validateRules(stored);
  if (result.ok) return result.rules;
  log(`ignoring ${file?.path}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return [];
}
