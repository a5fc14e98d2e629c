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
