import { type FormEvent, useState } from 'react';
import {
  OPENIM_PROFILES,
  type OpenImProfile,
  TENCENT_PROFILES,
  type TencentProfile,
} from '../../../shared/contract/index.js';
import { formatDialect } from '../lib/format.js';
import { sampleList } from '../lib/protocol.js';
import { useApp } from '../store/app-store.js';
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
      <label className="field field-wide">
        <span className="field-label">Backend URL</span>
        <input type="url" required value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Command</span>
        <select value={command} onChange={(e) => pickCommand(e.target.value)}>
          {commands.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Server profile ({formatDialect(dialect)})</span>
        <select value={profile} onChange={(e) => setProfile(e.target.value)}>
          {profiles.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {dialect === 'tencent' ? (
        <>
          <label className="field">
            <span className="field-label">SdkAppID</span>
            <input inputMode="numeric" value={sdkAppId} onChange={(e) => setSdkAppId(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Callback token</span>
            <input value={token} onChange={(e) => setToken(e.target.value)} />
          </label>
        </>
      ) : null}
      <label className="field field-wide">
        <span className="field-label">Body (JSON)</span>
        <textarea className="mono" rows={12} value={bodyText} onChange={(e) => setBodyText(e.target.value)} />
      </label>
      {error ? (
        <p className="send-error field-wide" role="alert">
          {error}
        </p>
      ) : null}
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
