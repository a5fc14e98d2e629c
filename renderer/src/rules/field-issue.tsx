import { cloneElement, type ReactElement } from 'react';
import { Field } from '../lib/Field.js';
import type { FieldIssues } from './rule-issues.js';

/** The attributes that tie a field to its problem: marked invalid, described by the message under it. */
export function issueProps(issues: FieldIssues, field: string, idBase: string) {
  const message = issues[field];
  return message === undefined
    ? { 'aria-invalid': false as const }
    : { 'aria-invalid': true as const, 'aria-describedby': issueId(idBase, field) };
}

export function issueId(idBase: string, field: string): string {
  return `${idBase}-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** The message under its field; nothing when the field is fine. */
export function FieldIssue({ issues, field, idBase }: { issues: FieldIssues; field: string; idBase: string }) {
  const message = issues[field];
  if (message === undefined) return null;
  // Inside the <label>, so aria-hidden keeps it out of the field's name; aria-describedby still reads it as the
  // field's description (a referenced node counts even when hidden).
  return (
    <span id={issueId(idBase, field)} className="field-error" aria-hidden="true">
      {message}
    </span>
  );
}

/** Where a form's problems are: the messages per field, and the prefix of the ids that tie them to the fields. */
export interface IssueSource {
  issues: FieldIssues;
  idBase: string;
}

/**
 * A labelled field tied to its problem: the control (the one child, an input or a select) is marked invalid and
 * described by the message, which shows under it.
 */
export function IssueField({
  label,
  field,
  at,
  wide = false,
  children,
}: {
  label: string;
  field: string;
  at: IssueSource;
  wide?: boolean;
  children: ReactElement<ReturnType<typeof issueProps>>;
}) {
  return (
    <Field label={label} className={wide ? 'field field-wide' : 'field'}>
      {cloneElement(children, issueProps(at.issues, field, at.idBase))}
      <FieldIssue issues={at.issues} field={field} idBase={at.idBase} />
    </Field>
  );
}
