import { type FormEvent, useMemo, useState } from 'react';
import type { ReplayItem, ReplayVerdict } from '../../../shared/contract/index.js';
import { SendError } from '../detail/SendError.js';
import { Field } from '../lib/Field.js';
import { useApp } from '../store/app-store.js';
import { AnswerDiff } from './AnswerDiff.js';
import { BackendUrlField } from './BackendUrlField.js';
import { replay } from './play-actions.js';
import { playStore, rememberedUrl, usePlay } from './play-store.js';
import { defaultScope, type ReplayScope, replayScopes } from './replay-scope.js';

const LABEL: Record<ReplayVerdict, string> = {
  'outcome-changed': 'outcome changed',
  'answer-changed': 'answer changed',
  skipped: 'skipped',
  same: 'same',
};
const ORDER: ReplayVerdict[] = ['outcome-changed', 'answer-changed', 'skipped'];

function Results() {
  const report = usePlay((s) => s.report);
  const selected = usePlay((s) => s.reportSelected);
  if (!report) return null;
  const s = report.summary;
  const listed: ReplayItem[] = ORDER.flatMap((v) => report.items.filter((i) => i.verdict === v));
  const item = report.items.find((i) => i.id === selected) ?? null;
  return (
    <div className="replay-results">
      <p role="status" className={s.outcomeChanged > 0 ? 'replay-summary changed' : 'replay-summary'}>
        {s.total} replayed: {s.same} same, {s.answerChanged} answer changed, {s.outcomeChanged} outcome changed,{' '}
        {s.skipped} skipped
      </p>
      {listed.length > 0 ? (
        <ul className="replay-list" aria-label="Changed callbacks">
          {listed.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                aria-pressed={i.id === selected}
                className={`replay-item verdict-${i.verdict}`}
                onClick={() => playStore.setState({ reportSelected: i.id })}
              >
                <span className="mono">
                  #{i.seq} {i.command ?? '(no command)'}
                </span>
                <span>
                  {LABEL[i.verdict]}
                  {i.reason ? `: ${i.reason}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {item && item.verdict !== 'skipped' ? <AnswerDiff item={item} /> : null}
    </div>
  );
}

/** The Replay form and its report, loaded the first time the dialog opens. */
export function ReplayPanel() {
  const replaying = usePlay((s) => s.replaying);
  const error = usePlay((s) => s.replayError);
  // Mounted on each opening, so the URL starts from the one remembered last.
  const [to, setTo] = useState(rememberedUrl);
  const list = useApp((s) => s.list);
  const filter = useApp((s) => s.filter);
  const selectedId = useApp((s) => s.selectedId);
  const choices = useMemo(() => replayScopes({ list, filter, selectedId }), [list, filter, selectedId]);
  const [scope, setScope] = useState<ReplayScope>(() => defaultScope(choices));
  const choice = choices.find((c) => c.scope === scope) ?? choices[0];
  const [nothing, setNothing] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!choice || choice.ids.length === 0) {
      // Said, not a silent "0 replayed" (issue 23 problem 2).
      setNothing(
        scope === 'imported'
          ? 'Nothing to replay: no capture in the table was imported. A session imported again while its captures were still here adds nothing new; replay "Every capture in the table" or the selected one instead.'
          : 'Nothing to replay: the table shows no capture.',
      );
      return;
    }
    setNothing(null);
    void replay({ to: to.trim(), ids: choice.ids });
  };
  return (
    <>
      <form className="play-form" onSubmit={submit}>
        <BackendUrlField value={to} onChange={setTo} />
        <Field label="Replay" className="field field-wide">
          <select value={scope} onChange={(e) => setScope(e.target.value as ReplayScope)}>
            {choices.map((c) => (
              <option key={c.scope} value={c.scope}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="play-actions field-wide">
          <button type="submit" className="primary" disabled={replaying}>
            {replaying ? 'Replaying…' : scope === 'imported' ? 'Replay imported captures' : 'Replay'}
          </button>
        </div>
      </form>
      {nothing ? (
        <p className="muted" role="status">
          {nothing}
        </p>
      ) : null}
      <SendError message={error} />
      <Results />
    </>
  );
}
