import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import {
  OPENIM_PROFILES,
  type OpenImProfile,
  TENCENT_PROFILES,
  type TencentProfile,
} from '../../../shared/contract/index.js';
import { SendError } from '../detail/SendError.js';
import { Field } from '../lib/Field.js';
import { formatDialect } from '../lib/format.js';
import { Options } from '../lib/Options.js';
import { commandTitle } from '../lib/protocol.js';
import { SampleMenu } from '../shell/SampleMenu.js';
import { useApp } from '../store/app-store.js';
import { BackendUrlField } from './BackendUrlField.js';
import { closeSend, seedFromSample, sendToBackend } from './play-actions.js';
import { rememberedUrl, type SendSeed, usePlay } from './play-store.js';

/** The Send form, loaded the first time the dialog opens; it owns its text, seeded from a capture or a sample. */
export function SendForm({ seed }: { seed: SendSeed }) {
  const settings = useApp((s) => s.settings);
  const sending = usePlay((s) => s.sending);
  const serverError = usePlay((s) => s.sendError);
  const [to, setTo] = useState(rememberedUrl);
  const [command, setCommand] = useState(seed.command);
  const [dialect, setDialect] = useState(seed.dialect);
  const [bodyText, setBodyText] = useState(seed.bodyText);
  const profiles: readonly string[] = dialect === 'openim' ? OPENIM_PROFILES : TENCENT_PROFILES;
  const [profile, setProfile] = useState<string>(settings?.profiles[dialect] ?? profiles[0] ?? '');
  const [sdkAppId, setSdkAppId] = useState(String(settings?.tencent.sdkAppId ?? ''));
  const [token, setToken] = useState(settings?.tencent.token ?? '');
  const [localError, setLocalError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState(false);
  const chooser = useRef<HTMLButtonElement>(null);
  const id = useId();

  const closeSamples = (): void => {
    setChoosing(false);
    chooser.current?.focus();
  };
  const pickCommand = (name: string): void => {
    closeSamples();
    setCommand(name);
    const sample = seedFromSample(name);
    if (!sample) return;
    setBodyText(sample.bodyText);
    if (sample.dialect !== dialect) {
      setDialect(sample.dialect);
      setProfile(settings?.profiles[sample.dialect] ?? '');
    }
  };
  // Escape closes the sample list only, not the whole dialog.
  const onSamplesKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    closeSamples();
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch (error) {
      setLocalError(`The body is not valid JSON: ${(error as Error).message}`);
      return;
    }
    setLocalError(null);
    const tencent =
      dialect === 'tencent'
        ? {
            tencent: { sdkAppId: sdkAppId.trim() === '' ? null : Number(sdkAppId), token: token === '' ? null : token },
          }
        : {};
    // The profile list comes from the contract, so the value is one the engine accepts for this dialect.
    void sendToBackend({
      to: to.trim(),
      dialect,
      command,
      body,
      profile: profile as OpenImProfile | TencentProfile,
      ...tencent,
    });
  };

  const error = localError ?? serverError;
  return (
    <form className="play-form" onSubmit={submit}>
      <BackendUrlField value={to} onChange={setTo} />
      <div className="field field-wide">
        <label className="field-label" htmlFor={`${id}-command`}>
          Command
        </label>
        <div className="field-inline send-command">
          <input
            id={`${id}-command`}
            className="mono"
            readOnly
            value={command}
            aria-describedby={`${id}-command-title`}
          />
          <button
            ref={chooser}
            type="button"
            aria-expanded={choosing}
            aria-controls={`${id}-samples`}
            onClick={() => setChoosing(!choosing)}
          >
            Choose a sample
          </button>
        </div>
        <span id={`${id}-command-title`} className="field-help muted">
          {commandTitle({ command, dialect })}
        </span>
      </div>
      {choosing ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape inside the list closes it (the menu's own keys)
        <div id={`${id}-samples`} className="field-wide send-samples" onKeyDown={onSamplesKey}>
          <SampleMenu autoFocus current={command} onPick={(info) => pickCommand(info.name)} />
        </div>
      ) : null}
      <Field label={`Server profile (${formatDialect(dialect)})`}>
        <select value={profile} onChange={(e) => setProfile(e.target.value)}>
          <Options items={profiles} />
        </select>
      </Field>
      {dialect === 'tencent' ? (
        <>
          <Field label="SdkAppID">
            <input inputMode="numeric" value={sdkAppId} onChange={(e) => setSdkAppId(e.target.value)} />
          </Field>
          <Field label="Callback token">
            <input value={token} onChange={(e) => setToken(e.target.value)} />
          </Field>
        </>
      ) : null}
      <Field label="Body (JSON)" className="field field-wide">
        <textarea className="mono" rows={12} value={bodyText} onChange={(e) => setBodyText(e.target.value)} />
      </Field>
      <SendError message={error} wide />
      <div className="play-actions field-wide">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? 'Sending…' : 'Send'}
        </button>
        <button type="button" onClick={closeSend}>
          Cancel
        </button>
      </div>
    </form>
  );
}
