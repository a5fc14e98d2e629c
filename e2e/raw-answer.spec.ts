import { postCallback } from './fixtures/callbacks.js';
import { expect, test } from './fixtures/inspector.js';

test.beforeEach(async ({ engine }) => {
  await engine.api.patchSettings({ hold: { openimTimeoutMs: 15_000, tencentTimeoutMs: 15_000 } });
});

// §6 v2 "Edit the exact answer": the exact status, headers and body, checked as typed, with the predicted outcome.
test('raw answer editor: live checks at the field, predicted outcome, the exact text reaches the IM server', async ({
  engine,
  inspector,
}) => {
  await inspector.setHoldMode('before');
  const pending = postCallback(engine.listenerUrl, 'callbackBeforeAddFriendCommand', { fromUserID: 'raw' });
  await expect(inspector.row('raw →')).toHaveAttribute('data-state', 'held');
  await inspector.selectRow('raw →');
  const panel = inspector.decision;
  await panel.deny();
  await panel.openRawEditor();
  // Seeded with what the structured answer would send.
  await expect(panel.rawField('Status')).toHaveValue('200');
  await expect(panel.rawField('Headers')).toHaveValue('content-type: application/json; charset=utf-8');
  await expect(panel.rawField('Body')).toHaveValue(/"errCode": 5001/);
  await expect(panel.rawPrediction()).toContainText('blocked 5001');

  // The documentation's string-codes mistake: sendable, and the prediction says what it causes.
  await panel.rawField('Body').fill('{"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":"0"}');
  await expect(panel.rawPrediction()).toContainText('fails 90007');
  await expect(panel.rawPrediction().getByRole('list', { name: 'Answer checks' })).toContainText('nextCode');

  await panel.rawField('Status').fill('20');
  await expect(panel.rawField('Status')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.rawField('Status')).toHaveAccessibleDescription(/three-digit HTTP status from 100 to 599/);
  await expect(panel.rawSendButton()).toBeDisabled();
  await panel.rawField('Body').fill('{"actionCode":0,"errCode":');
  await expect(panel.rawField('Body')).toHaveAccessibleDescription(/^The body is not valid JSON/);
  await inspector.screenshot('raw-answer-01-field-errors');

  await panel.rawField('Status').fill('200');
  await expect(panel.rawField('Status')).toHaveAttribute('aria-invalid', 'false');
  const exact = '{"actionCode":0,"errCode":5009,"errMsg":"edited by hand","errDlt":"","nextCode":1}';
  await panel.rawField('Body').fill(exact);
  await expect(panel.rawPrediction()).toContainText('blocked 5009');
  await inspector.screenshot('raw-answer-02-predicted');
  await panel.rawSendButton().click();

  const answer = await pending;
  expect(answer.status).toBe(200);
  expect(answer.bodyText).toBe(exact);
  await expect(inspector.row('raw →')).toHaveAttribute('data-state', 'answered');
  await expect(inspector.row('raw →')).toContainText('exact answer (HTTP 200)');
  await expect(inspector.detailSection('Predicted outcome')).toContainText('blocked');
});
