/**
 * Section 5: the renderer in Chromium with N captures in the engine: first render, filter latency, and the longest
 * main-thread task while callbacks stream in at a fixed rate.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { BenchConfig } from '../config.js';
import { startEngine } from '../engine-process.js';
import { runLoad } from '../load.js';
import { RESULTS_DIR } from '../paths.js';
import { needleBody, OPENIM_SAMPLE } from '../samples.js';
import { median, round } from '../stats.js';
import { CaptureUi, installLongTaskObserver } from '../ui-page.js';
import { VARIED_REQUESTS } from './memory.js';
import { type IngestResult, measureIngest } from './ui-ingest.js';

export interface UiSection {
  captures: number;
  /** Navigation → data-app-state ready and the first row visible. */
  firstRenderMs: number;
  /** Navigation → the grid reports every capture (older pages loaded). */
  allRowsMs: number;
  filterApplyMs: number[];
  filterClearMs: number[];
  /** Worst of all filter samples (the budget). */
  filterMaxMs: number;
  filterMedianMs: number;
  /** Streaming with the defaults (follow newest on): the budget. */
  ingest: IngestResult;
  /** The same with follow newest off (diagnostic). */
  ingestNoFollow: IngestResult;
  longestTaskMs: number;
  longestTaskDuringLoadMs: number;
}

const NEEDLES = 3;
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function runUiSection(
  config: BenchConfig,
  nodeArgs: readonly string[],
  log: (line: string) => void,
): Promise<UiSection> {
  const engine = await startEngine({ ui: true, nodeArgs });
  const browser = await chromium
    .launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
    .catch(async (error: unknown) => {
      await engine.stop();
      throw error;
    });
  try {
    // Room for every capture of the section, ingest included (the default limit is 50 000).
    const limit = Math.max(config.uiCaptures * 2, config.uiCaptures + config.uiIngestRate * config.uiIngestS * 2);
    await engine.patchSettings({ capture: { limit } });
    const needle = `needle-${randomBytes(4).toString('hex')}`;
    const bulk = await runLoad(engine.listenerUrl, VARIED_REQUESTS, {
      connections: config.connections,
      durationS: 0,
      amount: config.uiCaptures - NEEDLES,
      idReplacement: true,
    });
    if (bulk.errors > 0) throw new Error(`${bulk.errors} errors while loading captures`);
    await runLoad(engine.listenerUrl, [{ path: OPENIM_SAMPLE.path, bodyText: needleBody(needle) }], {
      connections: 1,
      durationS: 0,
      amount: NEEDLES,
    });
    const captures = await engine.storedCaptures();
    log(`  ${captures} captures loaded`);

    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(installLongTaskObserver);
    const page = await context.newPage();
    const ui = new CaptureUi(page);
    const navStart = performance.now();
    await page.goto(engine.uiUrl);
    await ui.ready.waitFor({ timeout: 60_000 });
    await ui.firstRow.waitFor({ state: 'visible', timeout: 60_000 });
    const firstRenderMs = performance.now() - navStart;
    await ui.waitForRowCount(captures, 120_000);
    const allRowsMs = performance.now() - navStart;
    const longestTaskDuringLoadMs = Math.max(0, ...(await ui.longTasksSince(0)).map((task) => task.duration));
    log(`  first render ${Math.round(firstRenderMs)} ms, all ${captures} rows ${Math.round(allRowsMs)} ms`);

    // One unrecorded cycle (JIT, layout caches), then the measured ones.
    const filterApplyMs: number[] = [];
    const filterClearMs: number[] = [];
    for (let cycle = 0; cycle < 4; cycle++) {
      const applied = await ui.timeFilter(needle, NEEDLES);
      const cleared = await ui.timeFilter('', captures);
      if (applied < 0 || cleared < 0) throw new Error(`the filter did not settle (apply ${applied}, clear ${cleared})`);
      if (cycle === 0) continue;
      filterApplyMs.push(round(applied, 1));
      filterClearMs.push(round(cleared, 1));
    }
    const allFilter = [...filterApplyMs, ...filterClearMs];
    log(`  filter apply ${filterApplyMs.join(', ')} ms; clear ${filterClearMs.join(', ')} ms`);

    const profileFile = (name: string): string | null =>
      config.profile ? join(RESULTS_DIR, 'prof', 'ui', `renderer-${name}.cpuprofile`) : null;
    const ingest = await measureIngest(ui, context, engine.listenerUrl, config, profileFile('ingest-follow'));
    log(`  ingest ${ingest.sent} at ${ingest.rate}/s, follow newest on: longest task ${ingest.longestTaskMs} ms`);
    // Diagnostic: the same stream with "Follow newest" off separates list updates from auto-scrolling.
    await ui.followNewest.uncheck();
    const noFollow = await measureIngest(ui, context, engine.listenerUrl, config, profileFile('ingest-nofollow'));
    log(
      `  ingest ${noFollow.sent} at ${noFollow.rate}/s, follow newest off: longest task ${noFollow.longestTaskMs} ms`,
    );
    await context.close();
    return {
      captures,
      firstRenderMs: Math.round(firstRenderMs),
      allRowsMs: Math.round(allRowsMs),
      filterApplyMs,
      filterClearMs,
      filterMaxMs: round(Math.max(...allFilter), 1),
      filterMedianMs: round(median(allFilter), 1),
      ingest,
      ingestNoFollow: noFollow,
      longestTaskMs: ingest.longestTaskMs,
      longestTaskDuringLoadMs: Math.round(longestTaskDuringLoadMs),
    };
  } finally {
    await browser.close();
    await engine.stop();
  }
}
