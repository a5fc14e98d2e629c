import { useEffect, useId, useRef, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/contract/index.js';
import { ControlApiError } from '../api/control-client.js';
import { Options } from '../lib/Options.js';
import { setState } from '../store/app-store.js';
import { client } from '../store/client-ref.js';
import { problemList } from '../store/command-actions.js';
import { errorText, notify } from '../store/notices.js';
import {
  errorsByField,
  formFromSettings,
  patchFromForm,
  type SettingsField,
  type SettingsForm,
  settingsSections,
} from './settings-form.js';

type Errors = Record<string, string>;

/** Saves the changed fields; the engine validates each one. Returns the problems per field (none = saved). */
async function save(settings: Settings, form: SettingsForm): Promise<Errors> {
  const patch = patchFromForm(settings, form);
  if (Object.keys(patch).length === 0) return {};
  try {
    // Sent as typed: a value of the wrong type comes back as a 400 naming its field, shown there.
    const next = await client().patchSettings(patch as SettingsPatch);
    setState({ settings: next });
    const wanted = patch.listener;
    if (wanted && (next.listener.host !== (wanted.host ?? next.listener.host) || next.listener.port !== wanted.port)) {
      // A listener that cannot move keeps running where it was; the reason is in the listener status.
      const { status } = await client().health();
      const field = wanted.port !== undefined ? 'listener.port' : 'listener.host';
      return {
        [field]: `Not moved: ${status.error ?? 'the listener could not bind'}. It still listens at ${status.url}.`,
      };
    }
    return {};
  } catch (error) {
    if (error instanceof ControlApiError && error.status === 400) {
      const byField = errorsByField(settings, problemList(error.details));
      return Object.keys(byField).length > 0 ? byField : { '': error.message };
    }
    return { '': `Settings not saved: ${errorText(error)}` };
  }
}

function Field({ field, form, errors, onChange }: FieldProps) {
  const base = useId();
  const error = errors[field.path];
  const warning = field.warn?.(form[field.path] ?? '') ?? null;
  const describedBy = [
    error !== undefined ? `${base}-error` : '',
    field.hint ? `${base}-hint` : '',
    warning ? `${base}-warning` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id: `${base}-input`,
    value: form[field.path] ?? '',
    'aria-invalid': error !== undefined,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    onChange: (e: { target: { value: string } }) => onChange(field.path, e.target.value),
  };
  return (
    <label className="field" htmlFor={`${base}-input`}>
      <span className="field-label">{field.label}</span>
      {field.kind === 'choice' ? (
        <select {...common}>
          <Options items={field.choices ?? []} />
        </select>
      ) : (
        <input inputMode={field.kind.startsWith('int') ? 'numeric' : 'text'} spellCheck={false} {...common} />
      )}
      {/* aria-hidden: kept out of the field's name; read as its description through aria-describedby. */}
      {field.hint ? (
        <span id={`${base}-hint`} className="field-hint" aria-hidden="true">
          {field.hint}
        </span>
      ) : null}
      {warning ? (
        <span id={`${base}-warning`} className="field-warning" aria-hidden="true">
          {warning}
        </span>
      ) : null}
      {error !== undefined ? (
        <span id={`${base}-error`} className="field-error" aria-hidden="true">
          {error}
        </span>
      ) : null}
    </label>
  );
}

interface FieldProps {
  field: SettingsField;
  form: SettingsForm;
  errors: Errors;
  onChange: (path: string, value: string) => void;
}

/** The settings form, loaded the first time the dialog opens. */
export function SettingsEditor({ settings, onDone }: { settings: Settings; onDone: () => void }) {
  const [form, setForm] = useState(() => formFromSettings(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  /** Bumped when a save found problems: the effect below runs once the marked fields are rendered. */
  const [reveal, setReveal] = useState(0);
  const root = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (reveal === 0) return;
    const first = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  }, [reveal]);
  const submit = async (): Promise<void> => {
    setSaving(true);
    const found = await save(settings, form);
    setSaving(false);
    setErrors(found);
    if (Object.keys(found).length === 0) {
      notify('info', 'Settings saved');
      onDone();
      return;
    }
    setReveal((n) => n + 1);
  };
  return (
    <form
      ref={root}
      className="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {settingsSections(settings).map((section) => (
        <fieldset key={section.title} className="settings-section">
          <legend>{section.title}</legend>
          {section.fields.map((field) => (
            <Field
              key={field.path}
              field={field}
              form={form}
              errors={errors}
              onChange={(path, value) => {
                setForm((f) => ({ ...f, [path]: value }));
                setErrors(({ [path]: _fixed, ...rest }) => rest);
              }}
            />
          ))}
        </fieldset>
      ))}
      {errors[''] !== undefined ? (
        <p className="field-error" role="alert">
          {errors['']}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>
          Save settings
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
