import type { Capture } from '../../../shared/contract/index.js';
import type { AnswerFieldSpec } from '../../../shared/protocol/types.js';
import { CodeArea } from '../lib/CodeArea.js';
import { canRewriteRemark, commandInfo } from '../lib/protocol.js';
import { type AnswerFieldDraft, answerFieldProblem, fieldKind } from '../store/answer-field-draft.js';
import { getState, useApp } from '../store/app-store.js';
import { updateDraft } from '../store/selection-actions.js';

/**
 * The command's answer fields from the catalogue, one input per wire name, feeding the Decision's `rewrite`
 * (issue 21 §3: a message body is as easy to rewrite as a remark). A field left empty is not sent.
 */
export function AnswerFields({ capture }: { capture: Capture }) {
  const fields = useApp((s) => s.draft.answerFields);
  const info = commandInfo(capture);
  // The remark has its own control above (with the request's value filled in).
  const remark = canRewriteRemark(capture) ? 'remark' : null;
  const specs = (info?.answer ?? []).filter((spec) => spec.name !== remark);
  const filled = Object.values(fields ?? {}).filter((f) => f.text !== '').length;
  return (
    <details className="advanced answer-fields" open={specs.length > 0 && specs.length <= 4 ? true : undefined}>
      <summary>
        Answer fields{specs.length > 0 ? ` (${specs.length}${filled > 0 ? `, ${filled} set` : ''})` : ''}
      </summary>
      {specs.length === 0 ? (
        <p className="muted">This command's answer has no fields beyond allow and deny.</p>
      ) : (
        <div className="advanced-grid">
          {specs.map((spec) => (
            <AnswerFieldInput key={spec.name} spec={spec} field={fields?.[spec.name]} />
          ))}
        </div>
      )}
    </details>
  );
}

function AnswerFieldInput({ spec, field }: { spec: AnswerFieldSpec; field: AnswerFieldDraft | undefined }) {
  const kind = fieldKind(spec);
  const current: AnswerFieldDraft = field ?? { kind, text: '' };
  const problem = current.text === '' ? null : answerFieldProblem(spec.name, current);
  const id = `answer-field-${spec.name}`;
  const set = (text: string): void => {
    const answerFields = { ...getState().draft.answerFields };
    Object.defineProperty(answerFields, spec.name, {
      value: { kind, text },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    updateDraft({ answerFields });
  };
  const help = `${spec.effect}${spec.jsonString ? ' — sent as a JSON string' : ''} (${spec.type})`;
  const common = {
    id,
    value: current.text,
    'aria-describedby': `${id}-help${problem ? ` ${id}-error` : ''}`,
    'aria-invalid': problem ? true : undefined,
  };
  return (
    <div className={kind === 'json' || kind === 'string' ? 'field field-wide' : 'field'}>
      <label htmlFor={id} className="field-label mono">
        {spec.name}
      </label>
      {kind === 'json' ? (
        <CodeArea {...common} rows={3} placeholder="JSON" onChange={(e) => set(e.target.value)} />
      ) : (
        <input
          {...common}
          inputMode={kind === 'number' ? 'decimal' : undefined}
          type="text"
          onChange={(e) => set(e.target.value)}
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
