import type { Finding } from '../../../shared/contract/index.js';

/**
 * The one way the window lists checks (a request's, a backend answer's, an edited answer's, a replayed answer's).
 * `empty` is what a clean list says; without it a clean list shows nothing.
 */
export function FindingList({
  findings,
  label,
  empty,
  paths = false,
}: {
  findings: readonly Finding[];
  label?: string;
  empty?: string;
  /** Show each finding's field path when its message does not already name it. */
  paths?: boolean;
}) {
  if (findings.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <ul className="findings" aria-label={label}>
      {findings.map((f, i) => (
        // Findings have no id and one list never reorders; the index tells apart two with the same code and path.
        // biome-ignore lint/suspicious/noArrayIndexKey: positional list
        <li key={`${f.code}:${f.path ?? ''}:${i}`} className={`finding finding-${f.level}`}>
          <span className="finding-level">{f.level}</span>
          <span>
            {f.message}
            {/* Only when the message does not already name it ("Missing field ex." said "ex. ex"). */}
            {paths && f.path && !f.message.includes(f.path) ? <code className="finding-path"> {f.path}</code> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
