import { type FormEvent, useState } from 'react';
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
import { sampleList } from '../lib/protocol.js';
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
  const commands = sampleList().map((c) => c.name);
  if (!commands.includes(seed.command)) commands.unshift(seed.command);

  const pickCommand = (name: string): void => {
    setCommand(name);
    const sample = seedFromSample(name);
    if (!sample) return;
    setBodyText(sample.bodyText);
    if (sample.dialect !== dialect) {
      setDialect(sample.dialect);
      setProfile(settings?.profiles[sample.dialect] ?? '');
    }
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
      <Field label="Command">
        <select value={command} onChange={(e) => pickCommand(e.target.value)}>
          <Options items={commands} />
        </select>
      </Field>
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
