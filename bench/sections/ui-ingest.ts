/** The ingest phase of the UI section: callbacks at a fixed rate while the page's long tasks are recorded. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import type { BenchConfig } from '../config.js';
import { runLoad } from '../load.js';
import type { CaptureUi } from '../ui-page.js';
import { VARIED_REQUESTS } from './memory.js';

export interface IngestResult {
  rate: number;
  seconds: number;
  sent: number;
  rowsBefore: number;
  rowsAfter: number;
  longestTaskMs: number;
  longTasks: number;
}

/** Streams callbacks into the engine for `uiIngestS` seconds; with `profileFile`, also records the page's CPU. */
export async function measureIngest(
  ui: CaptureUi,
  context: BrowserContext,
  listenerUrl: string,
  config: BenchConfig,
  profileFile: string | null,
): Promise<IngestResult> {
  const rowsBefore = await ui.rowCount();
  const cdp = profileFile === null ? null : await context.newCDPSession(ui.page);
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.start');
  const since = await ui.now();
  const load = await runLoad(listenerUrl, VARIED_REQUESTS, {
    connections: 10,
    durationS: config.uiIngestS,
    overallRate: config.uiIngestRate,
    idReplacement: true,
  });
  // Let the last batches reach the page before reading its long tasks.
  await ui.waitForRowCount(rowsBefore + load.requests, 10_000).catch(() => undefined);
  const rowsAfter = await ui.rowCount();
  const tasks = await ui.longTasksSince(since);
  if (cdp && profileFile !== null) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(dirname(profileFile), { recursive: true });
    writeFileSync(profileFile, JSON.stringify(profile));
    await cdp.detach();
  }
  return {
    rate: config.uiIngestRate,
    seconds: config.uiIngestS,
    sent: load.requests,
    rowsBefore,
    rowsAfter,
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((task) => task.duration))),
    longTasks: tasks.length,
  };
}
