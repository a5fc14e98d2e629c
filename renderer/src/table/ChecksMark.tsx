import type { Finding } from '../../../shared/contract/index.js';
import { rowCheck } from '../../../shared/protocol/index.js';

/** A request's worst check in the row ("Sign wrong +1"), so SdkAppid/Sign problems are seen without opening it. */
export function ChecksMark({ findings }: { findings: readonly Finding[] }) {
  const check = rowCheck(findings);
  if (!check) return null;
  const title = findings
    .filter((f) => f.level !== 'info')
    .map((f) => f.message)
    .join('\n');
  return (
    <span className={`row-check row-check-${check.level}`} title={title}>
      {check.label}
      {check.more > 0 ? ` +${check.more}` : ''}
    </span>
  );
}
