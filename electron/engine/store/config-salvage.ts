import { chmod, constants, copyFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { DEFAULT_SETTINGS, type Rule, type Settings, SettingsSchema } from '../../../shared/contract/index.js';
import { validateRules } from '../../../shared/rules/index.js';

/**
 * product.md §4 v3: a settings or rules file that does not validate at start is never discarded. Every valid rule
 * and every valid setting is kept, each invalid one falls back alone (a setting to its default, a rule is left out),
 * and each problem is said in words. One bad rule used to cost every rule, one bad setting every setting (upstream
 * off, the Tencent token gone), and the next save overwrote the file.
 */

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** The settings a stored value holds, item by item; `problems` names each one that fell back to its default. */
export function salvageSettings(stored: unknown): { settings: Settings; problems: string[] } {
  if (!isPlainObject(stored))
    return { settings: DEFAULT_SETTINGS, problems: ['not a JSON object: every default applies'] };
  const settings = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, Record<string, unknown>>;
  const problems: string[] = [];
  for (const [section, value] of Object.entries(stored)) {
    const fields = sectionFields(section);
    const target = settings[section];
    if (!fields || !target) {
      problems.push(`${section}: not a setting (left out)`);
      continue;
    }
    if (!isPlainObject(value)) {
      problems.push(`${section}: must be an object (its defaults apply)`);
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
      if (!field) {
        problems.push(`${section}.${key}: not a setting (left out)`);
        continue;
      }
      const parsed = field.safeParse(item);
      if (parsed.success) target[key] = parsed.data;
      else {
        const message = parsed.error.issues[0]?.message ?? 'invalid';
        problems.push(`${section}.${key}: ${message} (was ${shown(item)}; the default ${shown(target[key])} applies)`);
      }
    }
  }
  // Each field was checked alone; the whole is checked too, so no combination slips through.
  const whole = SettingsSchema.safeParse(settings);
  if (!whole.success)
    return {
      settings: DEFAULT_SETTINGS,
      problems: [...problems, 'the settings do not fit together: every default applies'],
    };
  return { settings: whole.data, problems };
}

/** The field schemas of one settings section (a section with a default is unwrapped), or undefined. */
function sectionFields(section: string): Record<string, FieldSchema> | undefined {
  if (!Object.hasOwn(SettingsSchema.shape, section)) return undefined;
  let schema: unknown = SettingsSchema.shape[section as keyof Settings];
  // zod's ZodDefault around a section (`rules`) holds the object schema inside.
  while (typeof schema === 'object' && schema !== null && 'unwrap' in schema && typeof schema.unwrap === 'function')
    schema = schema.unwrap();
  if (typeof schema !== 'object' || schema === null || !('shape' in schema)) return undefined;
  return schema.shape as Record<string, FieldSchema>; // a zod object's field schemas
}

interface FieldSchema {
  safeParse(
    value: unknown,
  ): { success: true; data: unknown } | { success: false; error: { issues: { message: string }[] } };
}

/** The rules a stored value holds, rule by rule, in order; `problems` names each rule left out and why. */
export function salvageRules(stored: unknown): { rules: Rule[]; problems: string[] } {
  if (!Array.isArray(stored)) return { rules: [], problems: ['not a JSON array of rules: no rules loaded'] };
  const rules: Rule[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  stored.forEach((raw: unknown, index) => {
    const result = validateRules([raw]);
    const id = isPlainObject(raw) && typeof raw.id === 'string' ? ` "${raw.id}"` : '';
    if (!result.ok) {
      const why = result.errors.map((e) => `${e.path.replace(/^\[0\]\.?/, '') || '(rule)'}: ${e.message}`).join('; ');
      problems.push(`rule ${index + 1}${id} left out: ${why}`);
      return;
    }
    const rule = result.rules[0] as Rule; // one in, one out
    if (ids.has(rule.id)) {
      problems.push(`rule ${index + 1}${id} left out: duplicate rule id (the first rule with it is kept)`);
      return;
    }
    ids.add(rule.id);
    rules.push(rule);
  });
  return { rules, problems };
}

/** `20261207T101500Z`: UTC, no colons (a file name on every system). */
export function fileStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Copies `path` beside itself as `<name>.invalid-<stamp><ext>` (owner-only: settings.json holds the Tencent token)
 * before anything rewrites it. An existing copy of the same second is kept. Returns the copy's name.
 */
export async function keepInvalidCopy(path: string, now: Date): Promise<string> {
  const ext = extname(path);
  const name = `${basename(path, ext)}.invalid-${fileStamp(now)}${ext}`;
  const copy = join(dirname(path), name);
  await copyFile(path, copy, constants.COPYFILE_EXCL).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // fs errors are ErrnoException
  });
  await chmod(copy, 0o600).catch(() => undefined);
  return name;
}
