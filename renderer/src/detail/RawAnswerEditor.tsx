import { useId, useState } from 'react';
import type { Capture, Settings } from '../../../shared/contract/index.js';
import { CodeArea } from '../lib/CodeArea.js';
import { Field } from '../lib/Field.js';
import { checkSent } from '../lib/protocol.js';
import { useNow } from '../lib/ticker.js';
import { FindingList } from './FindingList.js';
import { checkRawDraft, draftFromRaw, type RawAnswer, type RawDraft, type RawField } from './raw-answer.js';
import { SendError } from './SendError.js';
import { OutcomeLine } from './UpstreamSection.js';

export type { RawAnswer } from './raw-answer.js';

interface Props {
  /** The answer to start from: the structured answer as it would go out, or a backend's proposal. */
  initial: RawAnswer;
  /** The request being answered: its dialect, command, body and arrival time drive the prediction. */
  capture: Capture;
  settings: Settings | null;
  sendLabel?: string;
  /** Sends the exact answer; resolves with an error text to show, or null when it went out. */
  onSend: (raw: RawAnswer) => Promise<string | null>;
  onCancel?: () => void;
  cancelLabel?: string;
}

/** The checks and prediction alone re-render with the clock (an answer can become late), not the whole editor. */
function LivePrediction({ capture, settings, raw }: { capture: Capture; settings: Settings | null; raw: RawAnswer }) {
  const now = useNow();
  const { findings, outcome } = checkSent(capture, settings, raw, now);
  return (
    <>
      <OutcomeLine outcome={outcome} />
      <FindingList findings={findings} label="Answer checks" />
    </>
  );
}

/**
 * The exact status, headers and body that will be sent, checked as you type, with what the IM server will do with
 * them. Self-contained: it owns its text, so any answer (a held request's, a backend's proposal) can seed it.
 */
export function RawAnswerEditor({
  initial,
  capture,
  settings,
  sendLabel = 'Send this exact answer',
  onSend,
  onCancel,
  cancelLabel = 'Back to the structured answer',
}: Props) {
  const [draft, setDraft] = useState<RawDraft>(() => draftFromRaw(initial));
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const base = useId();
  const check = checkRawDraft(draft);

  const field = (name: RawField) => {
    const error = check.errors[name];
    const note = error ?? check.warnings[name];
    const noteId = `${base}-${name}-note`;
    return {
      props: {
        value: draft[name],
        'aria-invalid': error !== undefined,
        ...(note !== undefined ? { 'aria-describedby': noteId } : {}),
        onChange: (e: { target: { value: string } }) => {
          setDraft({ ...draft, [name]: e.target.value });
          setSendError(null);
        },
      },
      note:
        note === undefined ? null : (
          // aria-hidden: out of the label's name; still the field's description through aria-describedby.
          <span id={noteId} className={error !== undefined ? 'field-error' : 'field-warning'} aria-hidden="true">
            {note}
          </span>
        ),
    };
  };
  const status = field('status');
  const headers = field('headers');
  const body = field('body');

  const send = async (): Promise<void> => {
    if (!check.raw) return;
    setSending(true);
    const error = await onSend(check.raw);
    setSending(false);
    setSendError(error);
  };

  return (
    <section className="raw-answer" aria-label="Exact answer">
      <Field label="Status">
        <input inputMode="numeric" size={5} {...status.props} />
        {status.note}
      </Field>
      <Field label="Headers (one per line, Name: value)" className="field field-wide">
        <CodeArea rows={2} {...headers.props} />
        {headers.note}
      </Field>
      <Field label="Body (sent exactly as typed)" className="field field-wide">
        <CodeArea rows={9} {...body.props} />
        {body.note}
      </Field>
      <section className="raw-prediction" aria-label="Predicted outcome of this answer">
        <h4>If sent now</h4>
        {check.raw ? (
          <LivePrediction capture={capture} settings={settings} raw={check.raw} />
        ) : (
          <p className="muted">Fix the marked field to see what the server will do.</p>
        )}
      </section>
      <div className="send-row">
        <button type="button" className="primary" disabled={!check.raw || sending} onClick={() => void send()}>
          {sendLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {cancelLabel}
          </button>
        ) : null}
        <SendError message={sendError} />
      </div>
    </section>
  );
}
