import type { DiffLine } from '../lib/line-diff.js';

const MARK = { same: '  ', removed: '- ', added: '+ ' } as const;

/** The one way the window draws a line diff: a tinted line per change, marked + or - for those who cannot see tint. */
export function DiffBlock({ lines, title }: { lines: readonly DiffLine[]; title: string }) {
  return (
    <pre className="code-block diff-body" title={title}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one diff never reorder
        <span key={i} className={`diff-${line.kind}`}>
          {MARK[line.kind]}
          {line.text}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
