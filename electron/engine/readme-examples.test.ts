import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExpectFileSchema } from '../../shared/contract/index.js';
import { validateRules } from '../../shared/rules/index.js';

// The README's rules example is what users copy first: it must stay a valid rules file.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

function jsonBlockAfter(heading: string): unknown {
  const section = readme.slice(readme.indexOf(heading));
  const match = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!match?.[1]) throw new Error(`no json block after ${heading}`);
  return JSON.parse(match[1]);
}

describe('README examples', () => {
  it('the rules example validates as a rules file', () => {
    const result = validateRules(jsonBlockAfter('### Rules'));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.rules.map((r) => r.id)).toEqual(['deny-spammer', 'deny-id2', 'hold-remarks']);
  });

  it('the upstream section names a forward rule that validates', () => {
    const section = readme.slice(readme.indexOf('### In front of your own backend'), readme.indexOf('### Rules'));
    const action = /\{"action": (\{"type": "forward"[^}]*\})\}/.exec(section)?.[1];
    const result = validateRules([{ id: 'fwd', action: JSON.parse(action ?? 'null') }]);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('the verify example is a valid expectation file', () => {
    const result = ExpectFileSchema.safeParse(jsonBlockAfter('## Flows and `verify`'));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});
