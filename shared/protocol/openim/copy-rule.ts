import type { OpenImProfile } from '../../contract/settings.js';
import type { AnswerFieldSpec } from '../types.js';
import { OPENIM_VERSIONS } from './versions.js';

/**
 * How a version copies one answer field into the operation (research/openim/README.md "Copy-back"):
 * `present` any value but null replaces, "" included (Go `NotNilReplace` on a pointer field); `non-empty` only a
 * non-empty value (`len(x) != 0`, v3.7+ remark); `always` even when absent (NotNilReplace on a plain string: the
 * zero value "" is copied, set-remark before v3.7, set-group-info from v3.7); `never` the version does not read it.
 */
export type CopyRule = 'present' | 'non-empty' | 'always' | 'never';

export function copyRule(spec: AnswerFieldSpec, profile: OpenImProfile): CopyRule {
  const own = spec.copy?.[profile];
  if (own !== undefined) return own;
  // Set-remark's version rule lives with the versions (OpenImVersion.remarkCopy): an echo field without its own
  // `copy` follows it.
  if (spec.echo && OPENIM_VERSIONS[profile].remarkCopy === 'always') return 'always';
  return spec.applies;
}
