import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Upstream mode in the window: the top bar's backend status, a held request's proposal, the details section. */
export class UpstreamPanel {
  constructor(private readonly page: Page) {}

  /** Sets the backend URL from the top bar. */
  async forwardTo(url: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Forward to backend…' }).click();
    const form = this.page.getByRole('form', { name: 'Upstream backend' });
    await form.getByRole('textbox', { name: 'Backend URL' }).fill(url);
    await form.getByRole('button', { name: 'Forward', exact: true }).click();
    await expect(form).toBeHidden();
  }

  /** Types a URL into the top bar's form and submits it; the form stays open when it is refused. */
  async submitUrl(url: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Forward to backend…' }).click();
    const form = this.page.getByRole('form', { name: 'Upstream backend' });
    await form.getByRole('textbox', { name: 'Backend URL' }).fill(url);
    await form.getByRole('button', { name: 'Forward', exact: true }).click();
    return form;
  }

  status(): Locator {
    return this.page.getByRole('status', { name: 'Upstream status' });
  }

  proposal(): Locator {
    return this.page.getByRole('region', { name: 'Backend proposal' });
  }

  async sendAsIs(): Promise<void> {
    await this.proposal().getByRole('button', { name: 'Send as is' }).click();
  }

  async edit(body: string, status?: number): Promise<void> {
    await this.proposal().getByRole('button', { name: 'Edit', exact: true }).click();
    if (status !== undefined) await this.proposal().getByRole('textbox', { name: 'Status' }).fill(String(status));
    await this.proposal().getByRole('textbox', { name: /^Body/ }).fill(body);
    await this.proposal().getByRole('button', { name: 'Send edited answer' }).click();
  }

  async replace(): Promise<void> {
    await this.proposal().getByRole('button', { name: 'Replace' }).click();
  }

  /** The details' Upstream section of an answered request. */
  section(): Locator {
    return this.page.getByRole('region', { name: 'Upstream' });
  }

  latency(): Locator {
    return this.page.getByRole('meter', { name: 'Backend latency against the deadline' });
  }

  checks(): Locator {
    return this.page.getByRole('list', { name: 'Backend answer checks' });
  }

  diff(): Locator {
    return this.page.getByRole('region', { name: 'Changes before sending' });
  }

  /** Serious or critical axe findings inside the upstream panels (the proposal, the details section), as text. */
  async seriousAxeViolations(): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page: this.page })
      .include('section[aria-label="Backend proposal"]')
      .include('section[aria-label="Upstream"]')
      .analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}
