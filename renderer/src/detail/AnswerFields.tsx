import type { Capture } from '../../../shared/contract/index.js';
import type { AnswerFieldSpec } from '../../../shared/protocol/types.js';
import { CodeArea } from '../lib/CodeArea.js';
import { commandInfo } from '../lib/protocol.js';
import { type AnswerFieldDraft, answerFieldProblem, fieldKind, isSent } from '../store/answer-field-draft.js';
import { getState, useApp } from '../store/app-store.js';
import { updateDraft } from '../store/selection-actions.js';

/**
 * The command's answer fields from the catalogue, one per wire name, each starting from the request's value: the one
 * place a rewrite is drafted (issue 21 §3: a message body is as easy to rewrite as a remark). "Rewrite <name>" (or
 * typing in the field) puts it in the Decision's `rewrite`; a field left empty is not sent.
 *
 * Open at first when a few fields are the main thing to decide; folded (`folded`) when the panel has per-target
 * verdicts or is Decide ahead's, so Allow/Deny and Per target stay in view at 1024×700 (the summary counts the fields
 * set). Only ever set, never taken away while a person works in the block.
 */
export function AnswerFields({ capture, folded = false }: { capture: Capture; folded?: boolean }) {
  const fields = useApp((s) => s.draft.answerFields);
  const specs = commandInfo(capture)?.answer ?? [];
  const set = specs.filter((spec) => isSent(fields[spec.name])).length;
  const open = !folded && specs.length > 0 && specs.length <= 4;
  return (
    <details className="advanced answer-fields" open={open ? true : undefined}>
      <summary>Answer fields{specs.length > 0 ? ` (${specs.length}${set > 0 ? `, ${set} set` : ''})` : ''}</summary>
      {specs.length === 0 ? (
        <p className="muted">This command's answer has no fields beyond allow and deny.</p>
      ) : (
        <div className="advanced-grid">
          {specs.map((spec) => (
            <AnswerFieldInput key={spec.name} spec={spec} field={fields[spec.name]} />
          ))}
        </div>
      )}
    </details>
  );
}

function AnswerFieldInput({ spec, field }: { spec: AnswerFieldSpec; field: AnswerFieldDraft | undefined }) {
  const kind = fieldKind(spec);
  const current: AnswerFieldDraft = field ?? { kind, text: '', send: false };
  const problem = answerFieldProblem(spec.name, current);
  const id = `answer-field-${spec.name}`;
  const change = (patch: Partial<AnswerFieldDraft>): void => {
    const answerFields = { ...getState().draft.answerFields };
    // defineProperty: a wire name such as `__proto__` must stay an own key.
    Object.defineProperty(answerFields, spec.name, {
      value: { ...current, ...patch },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    updateDraft({ answerFields });
  };
  // Typing in a field asks for it: the text is what the answer will carry.
  const type = (text: string): void => change({ text, send: true });
  const help = `${spec.effect}${spec.jsonString ? ' — sent as a JSON string' : ''} (${spec.type})`;
  const common = {
    id,
    value: current.text,
    'aria-describedby': `${id}-help${problem ? ` ${id}-error` : ''}`,
    'aria-invalid': problem ? true : undefined,
  };
  return (
    <div className={kind === 'json' || kind === 'string' ? 'field field-wide answer-field' : 'field answer-field'}>
      {/* Reads "☐ Rewrite remark": the box is named by both words, the input by the wire name (its own label). */}
      <div className="answer-field-head">
        <label className="toggle answer-field-toggle">
          <input
            type="checkbox"
            checked={current.send}
            aria-labelledby={`${id}-verb ${id}-name`}
            onChange={(e) => change({ send: e.target.checked })}
          />
          <span id={`${id}-verb`}>Rewrite</span>
        </label>
        <label id={`${id}-name`} htmlFor={id} className="field-label mono">
          {spec.name}
        </label>
      </div>
      {kind === 'json' ? (
        <CodeArea {...common} rows={3} placeholder="JSON" onChange={(e) => type(e.target.value)} />
      ) : (
        <input
          {...common}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          type="text"
          onChange={(e) => type(e.target.value)}
        />
      )}
      <span id={`${id}-help`} className="field-help muted">
        {help}
      </span>
      {problem ? (
        <span id={`${id}-error`} className="field-error">
          {problem}
        </span>
      ) : null}
    </div>
  );
}
