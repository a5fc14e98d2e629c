import type { TextareaHTMLAttributes } from 'react';

/** A text area for JSON and headers: monospace, and no spell check (it would mark every key). */
export function CodeArea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className="mono" spellCheck={false} {...props} />;
}
