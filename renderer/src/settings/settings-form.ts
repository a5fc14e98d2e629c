import type { Settings } from '../../../shared/contract/index.js';
import { TENCENT_TIMEOUT_MS } from '../../../shared/protocol/index.js';

/** One field of the Settings panel: where it lives in Settings and how its text becomes a value. */
export interface SettingsField {
  /** `section.key`, as the engine's error details name it. */
  path: string;
  label: string;
  /** int: whole number; text: string; `nullable`: empty text means null (not set). */
  kind: 'int' | 'int-or-empty' | 'text' | 'text-or-empty' | 'choice';
  choices?: readonly { value: string; label: string }[];
  hint?: string;
  /** A value the engine accepts but that does not do what one would think: said at the field, not refused. */
  warn?: (text: string) => string | null;
}

/**
 * Tencent waits 2 s for an answer whatever the console or this setting says (protocols.md): a longer hold is not
 * waited for, and the engine still sends the fallback before Tencent's own deadline.
 */
export function tencentTimeoutWarning(text: string): string | null {
  const ms = Number(text.trim());
  if (!Number.isFinite(ms) || ms <= TENCENT_TIMEOUT_MS) return null;
  return `Tencent gives up after ${TENCENT_TIMEOUT_MS / 1000} s: a longer hold outlives it, so the fallback still goes out before Tencent's 2 s.`;
}

/** A section of the panel. */
interface SettingsSection {
  title: string;
  fields: readonly SettingsField[];
}
const section = (title: string, fields: SettingsField[]): SettingsSection => ({ title, fields });
/** A pick-one field; `options` maps each value to its label, in the order shown. */
const choice = (path: string, label: string, options: Record<string, string>): SettingsField => ({
  path,
  label,
  kind: 'choice',
  choices: Object.entries(options).map(([value, label]) => ({ value, label })),
});

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  section('Listener', [
    { path: 'listener.host', label: 'Host', kind: 'text', hint: '127.0.0.1 = this machine only; 0.0.0.0 = network' },
    { path: 'listener.port', label: 'Port', kind: 'int', hint: '0 = any free port' },
  ]),
  section('Holding requests', [
    { path: 'hold.openimTimeoutMs', label: 'OpenIM timeout (ms)', kind: 'int', hint: 'the timeout in webhooks.yml' },
    { path: 'hold.tencentTimeoutMs', label: 'Tencent timeout (ms)', kind: 'int', warn: tencentTimeoutWarning },
    { path: 'hold.marginMs', label: 'Safety margin (ms)', kind: 'int', hint: 'the fallback goes out this early' },
    choice('hold.fallback', 'Fallback', {
      auto: 'The rule or default answer',
      'no-response': 'No answer (the server times out)',
    }),
  ]),
  section('Tencent checks', [
    { path: 'tencent.sdkAppId', label: 'SdkAppID', kind: 'int-or-empty', hint: 'empty = not checked' },
    { path: 'tencent.token', label: 'Tencent token', kind: 'text-or-empty', hint: 'empty = Sign not checked' },
  ]),
  section('Captures', [
    { path: 'capture.limit', label: 'Capture limit', kind: 'int', hint: 'captures kept in memory and on disk' },
    { path: 'capture.maxBodyBytes', label: 'Body limit (bytes)', kind: 'int', hint: 'larger bodies get 413' },
  ]),
];

/** Upstream (forward) mode: shown once the engine has the setting (engines without it refuse the unknown key). */
const UPSTREAM_SECTION = section('Upstream (forward mode)', [
  {
    path: 'upstream.url',
    label: 'Upstream URL',
    kind: 'text-or-empty',
    hint: 'your real app backend; empty = the inspector answers',
  },
  choice('upstream.onFailure', 'When the backend fails', {
    relay: 'Give the IM server the same failure',
    fallback: 'Answer with the rule or default answer',
  }),
]);

/** The panel's sections for these settings (the upstream one only when the engine knows it). */
export function settingsSections(settings: Settings): readonly SettingsSection[] {
  return 'upstream' in settings ? [...SETTINGS_SECTIONS, UPSTREAM_SECTION] : SETTINGS_SECTIONS;
}

function fieldsOf(settings: Settings): readonly SettingsField[] {
  return settingsSections(settings).flatMap((s) => s.fields);
}

export type SettingsForm = Record<string, string>;

function valueAt(settings: Settings, path: string): unknown {
  const [section, key] = path.split('.') as [string, string]; // every path is `section.key`
  return (settings as unknown as Record<string, Record<string, unknown>>)[section]?.[key]; // read-only walk
}

export function formFromSettings(settings: Settings): SettingsForm {
  const form: SettingsForm = {};
  for (const field of fieldsOf(settings)) {
    const value = valueAt(settings, field.path);
    form[field.path] = value === null || value === undefined ? '' : String(value);
  }
  return form;
}

/** Text → value. A whole number that does not parse is sent as typed: the engine names the problem at the field. */
function toValue(field: SettingsField, text: string): unknown {
  const t = text.trim();
  if ((field.kind === 'int-or-empty' || field.kind === 'text-or-empty') && t === '') return null;
  if (field.kind === 'int' || field.kind === 'int-or-empty') return /^-?\d+$/.test(t) ? Number(t) : text;
  return field.kind === 'choice' ? text : t;
}

/** Only the fields that changed, as a PATCH /api/settings body (`{ hold: { marginMs: 200 } }`). */
export function patchFromForm(settings: Settings, form: SettingsForm): Record<string, Record<string, unknown>> {
  const patch: Record<string, Record<string, unknown>> = {};
  for (const field of fieldsOf(settings)) {
    const text = form[field.path];
    if (text === undefined) continue;
    const value = toValue(field, text);
    if (value === valueAt(settings, field.path)) continue;
    const [section, key] = field.path.split('.') as [string, string];
    patch[section] = { ...patch[section], [key]: value };
  }
  return patch;
}

/** The engine's `details` → message per field path; problems with no field of their own are kept under `''`. */
export function errorsByField(
  settings: Settings,
  problems: readonly { path: string; message: string }[],
): Record<string, string> {
  const known = new Set(fieldsOf(settings).map((f) => f.path));
  const out: Record<string, string> = {};
  for (const p of problems) {
    const key = known.has(p.path) ? p.path : '';
    out[key] = out[key] === undefined ? p.message : `${out[key]} ${p.message}`;
  }
  return out;
}
