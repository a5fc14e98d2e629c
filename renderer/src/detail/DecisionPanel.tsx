import { useState } from 'react';
import type { Capture, FaultType } from '../../../shared/contract/index.js';
import type { DenyPreset } from '../../../shared/protocol/index.js';
import { CodeArea } from '../lib/CodeArea.js';
import { Field } from '../lib/Field.js';
import { Options } from '../lib/Options.js';
import { answerFor, defaultsFor, listTargets, overrideForCode } from '../lib/protocol.js';
import { useApp } from '../store/app-store.js';
import { armDecision } from '../store/arm-actions.js';
import { type DecisionDraft, decisionFor } from '../store/decision-draft.js';
import { sendRawAnswer } from '../store/raw-answer-actions.js';
import { sendAnswer, updateDraft } from '../store/selection-actions.js';
import { AnswerFields } from './AnswerFields.js';
import { ArmedNotice } from './ArmedNotice.js';
import { DelayWarning } from './DelayWarning.js';
import { HoldDeadline } from './HoldDeadline.js';
import { RawAnswerEditor } from './RawAnswerEditor.js';
import { SendError } from './SendError.js';
import { TargetList } from './TargetList.js';

const FAULTS: { value: FaultType | ''; label: string }[] = [
  { value: '', label: 'None (normal answer)' },
  { value: 'http-status', label: 'HTTP error status' },
  { value: 'invalid-json', label: 'Invalid JSON' },
  { value: 'string-codes', label: 'Codes as strings ("nextCode":"0" mistake)' },
  { value: 'empty-body', label: 'Empty body' },
  { value: 'no-response', label: 'No answer (let it time out)' },
  { value: 'close', label: 'Close the connection' },
  { value: 'reset', label: 'Reset the connection' },
];

function DenyFields({ draft, capture }: { draft: DecisionDraft; capture: Capture }) {
  const defaults = defaultsFor(capture.dialect);
  return (
    <div className="deny-fields">
      <Field label="Code">
        <input inputMode="numeric" value={draft.code} onChange={(e) => updateDraft({ code: e.target.value })} />
      </Field>
      <PresetSelect
        label="Preset"
        presets={defaults.presets}
        onPick={(preset) => updateDraft({ code: String(preset.code) })}
      />
      <Field label="Message" className="field field-wide">
        <input value={draft.message} onChange={(e) => updateDraft({ message: e.target.value })} />
      </Field>
      <Field label="Detail" className="field field-wide">
        <input value={draft.detail} onChange={(e) => updateDraft({ detail: e.target.value })} />
      </Field>
    </div>
  );
}

function ErrorInjection({ draft, capture }: { draft: DecisionDraft; capture: Capture }) {
  const defaults = defaultsFor(capture.dialect);
  const [customCode, setCustomCode] = useState('');
  const insert = (code: number, message: string): void =>
    updateDraft({ overrideText: overrideForCode(capture, code, message) });
  return (
    <details className="advanced" open={draft.overrideText !== '' || draft.fault !== '' || draft.delayMs !== ''}>
      <summary>Error injection, faults and delay</summary>
      <div className="advanced-grid">
        <PresetSelect label="Error preset" presets={defaults.presets} onPick={(p) => insert(p.code, p.message)} />
        <div className="field-inline">
          <Field label="Custom code">
            <input inputMode="numeric" value={customCode} onChange={(e) => setCustomCode(e.target.value)} />
          </Field>
          <button
            type="button"
            disabled={!/^-?\d+$/.test(customCode.trim())}
            onClick={() => insert(Number(customCode.trim()), 'injected error')}
          >
            Insert
          </button>
        </div>
        <Field label="Override fields (JSON)" className="field field-wide">
          <CodeArea
            rows={5}
            value={draft.overrideText}
            placeholder="{ } merged into the answer as raw fields"
            onChange={(e) => updateDraft({ overrideText: e.target.value })}
          />
        </Field>
        <Field label="Fault" className="field field-wide">
          {/* Option values are exactly the FaultType union plus '' (none). */}
          <select value={draft.fault} onChange={(e) => updateDraft({ fault: e.target.value as FaultType | '' })}>
            <Options items={FAULTS} />
          </select>
        </Field>
        {draft.fault === 'http-status' ? (
          <Field label="HTTP status">
            <input
              inputMode="numeric"
              value={draft.faultStatus}
              onChange={(e) => updateDraft({ faultStatus: e.target.value })}
            />
          </Field>
        ) : null}
        <Field label="Delay (ms)">
          <input
            inputMode="numeric"
            value={draft.delayMs}
            placeholder="0"
            onChange={(e) => updateDraft({ delayMs: e.target.value })}
          />
        </Field>
        <DelayWarning capture={capture} delayText={draft.delayMs} />
      </div>
    </details>
  );
}

/**
 * The answer for a held request: verdict, deny details, rewrite, per-target verdicts, faults; then Send — or, with
 * `ahead`, the same choices armed for the next request like this one (product.md §2 v3 "Decide ahead").
 */
export function DecisionPanel({ capture, ahead = false }: { capture: Capture; ahead?: boolean }) {
  const draft = useApp((s) => s.draft);
  const sendError = useApp((s) => s.sendError);
  const settings = useApp((s) => s.settings);
  const targets = listTargets(capture);
  const deny = draft.verdict === 'deny';
  if (draft.raw && !ahead) {
    return (
      <section className="decision-panel" aria-label="Decision">
        <DecisionHead capture={capture} title="Edit the exact answer" />
        <RawAnswerEditor
          initial={draft.raw}
          capture={capture}
          settings={settings}
          onSend={sendRawAnswer}
          onCancel={() => updateDraft({ raw: null })}
        />
      </section>
    );
  }
  return (
    <section
      className={ahead ? 'decision-panel decide-ahead' : 'decision-panel'}
      aria-label={ahead ? 'Decide ahead' : 'Decision'}
    >
      {ahead ? null : <DecisionHead capture={capture} title="Decide the answer" />}
      {ahead ? null : <ArmedNotice capture={capture} />}
      <div className="verdict-buttons">
        <button
          type="button"
          className={`verdict verdict-allow${deny ? '' : ' active'}`}
          aria-pressed={!deny}
          aria-keyshortcuts="A"
          onClick={() => updateDraft({ verdict: 'allow' })}
        >
          Allow
        </button>
        <button
          type="button"
          className={`verdict verdict-deny${deny ? ' active' : ''}`}
          aria-pressed={deny}
          aria-keyshortcuts="D"
          onClick={() => updateDraft({ verdict: 'deny' })}
        >
          Deny
        </button>
        {/* Beside the verdict, not under the options: it stays in view however many fields the panel grows. */}
        {ahead ? (
          <button type="button" className="primary send-answer" onClick={() => void armDecision()}>
            Arm for the next match
          </button>
        ) : (
          <button
            type="button"
            className="primary send-answer"
            aria-keyshortcuts="Enter"
            onClick={() => void sendAnswer()}
          >
            Send answer
          </button>
        )}
      </div>
      {deny ? <DenyFields draft={draft} capture={capture} /> : null}
      <AnswerFields capture={capture} folded={ahead || targets.length > 0} />
      {targets.length > 0 ? <TargetList targets={targets} draft={draft} /> : null}
      <ErrorInjection draft={draft} capture={capture} />
      <div className="send-row">
        {ahead ? null : (
          <>
            <button type="button" onClick={() => openRawEditor(capture, draft)}>
              Edit the exact answer
            </button>
            <button
              type="button"
              title="The next request like this one gets this answer at once"
              onClick={() => void armDecision()}
            >
              Arm for the next match
            </button>
          </>
        )}
        <SendError message={sendError} />
      </div>
    </section>
  );
}

function DecisionHead({ capture, title }: { capture: Capture; title: string }) {
  return (
    <div className="decision-head">
      <h3>{title}</h3>
      {capture.hold ? <HoldDeadline capture={capture} hold={capture.hold} /> : null}
    </div>
  );
}

/** Opens the exact-answer editor on what the structured answer would send now (allow when that sends nothing). */
function openRawEditor(capture: Capture, draft: DecisionDraft): void {
  const built = decisionFor(capture, draft);
  const decision = built.ok ? built.decision : { verdict: 'allow' as const };
  const raw = answerFor(capture, decision) ?? answerFor(capture, { verdict: 'allow' });
  if (raw) updateDraft({ raw });
}

interface PresetSelectProps {
  label: string;
  presets: readonly DenyPreset[];
  onPick: (preset: DenyPreset) => void;
}

function PresetSelect({ label, presets, onPick }: PresetSelectProps) {
  return (
    <Field label={label}>
      <select
        value=""
        onChange={(e) => {
          const preset = presets.find((p) => String(p.code) === e.target.value);
          if (preset) onPick(preset);
        }}
      >
        <option value="">Choose…</option>
        <Options items={presets.map((p) => ({ value: p.code, label: p.label }))} />
      </select>
    </Field>
  );
}
