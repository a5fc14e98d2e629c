import {
  HOLD_MODES,
  type HoldMode,
  OPENIM_PROFILES,
  type OpenImProfile,
  TENCENT_PROFILES,
  type TencentProfile,
} from '../../../shared/contract/index.js';
import { Field } from '../lib/Field.js';
import { Options } from '../lib/Options.js';
import { useApp } from '../store/app-store.js';
import { patchSettings } from '../store/command-actions.js';

const HOLD_LABELS: Record<HoldMode, string> = { off: 'Off', before: 'Before-callbacks', all: 'All callbacks' };
const OPENIM_LABELS: Record<OpenImProfile, string> = {
  'v3.7+': 'v3.7+',
  'v3.6': 'v3.6',
  'v3.4.2-v3.5': 'v3.4.2–v3.5',
  'v3.0-v3.4.0': 'v3.0–v3.4.0',
};
const TENCENT_LABELS: Record<TencentProfile, string> = { 'fail-open': 'Fail-open', 'fail-closed': 'Fail-closed' };

/** Hold mode and the server profiles used for outcome prediction; each change is one PATCH /api/settings. */
export function SettingsControls() {
  const settings = useApp((s) => s.settings);
  const disabled = settings === null;
  return (
    <div className="settings-controls">
      <label
        className={`field inline keep-size hold-field${settings && settings.hold.mode !== 'off' ? ' hold-on' : ''}`}
      >
        <span className="field-label">Hold</span>
        <select
          disabled={disabled}
          value={settings?.hold.mode ?? 'off'}
          // Options are exactly HOLD_MODES.
          onChange={(e) => void patchSettings({ hold: { mode: e.target.value as HoldMode } })}
        >
          <Options items={HOLD_MODES} labels={HOLD_LABELS} />
        </select>
      </label>
      <Field label="OpenIM server" className="field inline keep-size">
        <select
          disabled={disabled}
          value={settings?.profiles.openim ?? 'v3.7+'}
          // Options are exactly OPENIM_PROFILES.
          onChange={(e) => void patchSettings({ profiles: { openim: e.target.value as OpenImProfile } })}
        >
          <Options items={OPENIM_PROFILES} labels={OPENIM_LABELS} />
        </select>
      </Field>
      <Field label="Tencent policy" className="field inline keep-size">
        <select
          disabled={disabled}
          value={settings?.profiles.tencent ?? 'fail-open'}
          // Options are exactly TENCENT_PROFILES.
          onChange={(e) => void patchSettings({ profiles: { tencent: e.target.value as TencentProfile } })}
        >
          <Options items={TENCENT_PROFILES} labels={TENCENT_LABELS} />
        </select>
      </Field>
    </div>
  );
}
