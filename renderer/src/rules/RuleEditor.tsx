import { useEffect, useId, useRef, useState } from 'react';
import type { Rule } from '../../../shared/contract/index.js';
import { CodeArea } from '../lib/CodeArea.js';
import { Field } from '../lib/Field.js';
import { getState, setState } from '../store/app-store.js';
import { plainRule, saveRules } from '../store/command-actions.js';
import { FieldIssue, issueProps } from './field-issue.js';
import { RuleForm } from './RuleForm.js';
import { parseRuleText, toText } from './rule-form.js';
import { type FieldIssues, localFieldIssues, placeIssues } from './rule-issues.js';

interface Props {
  initial: unknown;
  originalId: string | null;
}

/** Brings the first marked field into view and puts the cursor there (the problem is never off-screen). */
function revealFirstProblem(root: HTMLElement | null): void {
  const field = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.scrollIntoView({ block: 'center' });
  field?.focus();
}

/** Form and raw JSON over one text; every problem is shown at its field; nothing typed is lost. */
export function RuleEditor({ initial, originalId }: Props) {
  const [text, setText] = useState(() => toText(initial));
  const [engineIssues, setEngineIssues] = useState<{ text: string; issues: FieldIssues; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  /** Bumped when the engine refused: the effect runs once its problems are rendered at their fields. */
  const [reveal, setReveal] = useState(0);
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (reveal > 0) revealFirstProblem(root.current);
  }, [reveal]);
  const idBase = useId();
  const parsed = parseRuleText(text);
  const local: FieldIssues = parsed.ok ? localFieldIssues(parsed.value) : { json: parsed.error };
  // The engine's answer applies to the text it was given; once edited, the local check speaks again.
  const issues: FieldIssues = engineIssues?.text === text ? { ...engineIssues.issues, ...local } : local;
  const count = Object.keys(issues).length;

  const save = async (): Promise<void> => {
    if (!parsed.ok || Object.keys(local).length > 0) {
      revealFirstProblem(root.current);
      return;
    }
    setSaving(true);
    // The engine validates the whole list and has the last word (duplicate ids, its own limits).
    const edited = parsed.value as unknown as Rule; // checked by the shared validator just above
    const current = getState().rules.map(plainRule);
    const at = originalId === null ? -1 : current.findIndex((r) => r.id === originalId);
    const index = at === -1 ? current.length : at;
    const next = at === -1 ? [...current, edited] : current.map((r, i) => (i === at ? edited : r));
    const result = await saveRules(next);
    setSaving(false);
    if (result.ok) {
      setState({ ruleEditorSeed: null });
      return;
    }
    setEngineIssues({ text, issues: placeIssues(result.problems, index), message: result.message });
    setReveal((n) => n + 1);
  };

  return (
    <section ref={root} className="rule-editor" aria-label="Rule editor">
      <h3>{originalId === null ? 'New rule' : `Edit rule ${originalId}`}</h3>
      {parsed.ok ? (
        <RuleForm rule={parsed.value} onChange={(next) => setText(toText(next))} issues={issues} idBase={idBase} />
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
          Save rule
        </button>
        <button type="button" onClick={() => setState({ ruleEditorSeed: null })}>
          Cancel
        </button>
        {count > 0 ? (
          <span className="field-error" role="status">
            {engineIssues?.text === text ? `Not saved: ${engineIssues.message}. ` : ''}
            {count === 1 ? '1 problem' : `${count} problems`}: see the marked field{count === 1 ? '' : 's'}.
          </span>
        ) : null}
      </div>
      <Field label="Rule JSON" className="field field-wide">
        <CodeArea
          rows={12}
          value={text}
          onChange={(e) => setText(e.target.value)}
          {...issueProps(issues, 'json', idBase)}
        />
        <FieldIssue issues={issues} field="json" idBase={idBase} />
      </Field>
    </section>
  );
}
