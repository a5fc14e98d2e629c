import { expect, test } from './fixtures/inspector.js';

// Issue 14 item 4: problems in words at the field, in view and marked; a new rule starts from the selected capture
// with allow; the list says what a per-target rule really does.
test('rule editor: problems at the field, a new rule from the selected capture, per-target rules described', async ({
  engine,
  inspector,
}) => {
  await engine.api.putRules([
    {
      id: 'existing',
      name: 'Existing',
      enabled: false,
      match: { dialect: 'any', where: [] },
      action: { type: 'hold' },
      times: null,
    },
  ]);
  await inspector.sendSample('Sns.CallbackPrevFriendAdd');
  await expect(inspector.rows()).toHaveCount(1);
  await inspector.selectRow('Sns.CallbackPrevFriendAdd');
  await inspector.rules.open();
  await inspector.rules.add();
  const rules = inspector.rules;
  await expect(rules.select('Dialect')).toHaveValue('tencent');
  await expect(rules.field('Command (name or glob)')).toHaveValue('Sns.CallbackPrevFriendAdd');
  await expect(rules.select('Verdict')).toHaveValue('allow');

  // -3 times: the validator's "expected number, received string" becomes a sentence at the field.
  await rules.field('Times (empty = always)').fill('-3');
  const times = rules.field('Times (empty = always)');
  await expect(times).toHaveAttribute('aria-invalid', 'true');
  await expect(times).toHaveAccessibleDescription(
    'Times: a whole number of 1 or more (the next N matches), or empty to apply always.',
  );
  await rules.field('Rule id').click();
  await rules.save();
  await expect(times).toBeFocused();
  await expect(times).toBeInViewport();
  await inspector.screenshot('rule-editor-01-field-problem');

  // The engine's refusal (a duplicate id) lands on the field too.
  await times.fill('');
  await expect(times).toHaveAttribute('aria-invalid', 'false');
  await rules.field('Rule id').fill('existing');
  await rules.save();
  await expect(rules.field('Rule id')).toHaveAccessibleDescription(
    'Another rule already has this id: choose a different one.',
  );
  await expect(rules.problemSummary()).toContainText('Not saved');

  // A per-target deny, typed in the JSON: the list line names the denied target.
  const json = rules.editor().getByRole('textbox', { name: 'Rule JSON' });
  const rule = JSON.parse(await json.inputValue());
  rule.id = 'deny-id2';
  rule.action.decision = { verdict: 'allow', targets: { id2: { verdict: 'deny', code: 38002 } } };
  await json.fill(JSON.stringify(rule, null, 2));
  await rules.save();
  await rules.expectRuleCount(2);
  await expect(rules.rule('deny-id2')).toContainText('→ deny 38002 id2; others allow');
  await inspector.screenshot('rule-editor-02-per-target-rule');
});
