/**
 * "Focus the selected row once it is rendered." A keyboard move can select a row outside the virtual window; that
 * row mounts a frame or two later (after the scroll), so the request waits for it: the next frame looks for it,
 * and a row that mounts selected later takes the focus itself. A request nobody takes lapses.
 */
let pending = false;
let lapse: ReturnType<typeof setTimeout> | undefined;

export function requestRowFocus(): void {
  pending = true;
  clearTimeout(lapse);
  lapse = setTimeout(() => {
    pending = false;
  }, 1000);
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>('.table-scroll tr[data-selected="true"]');
    if (row) takeRowFocus(row);
  });
}

/** Called by the selected row after it rendered: focuses it if a request is waiting. */
export function takeRowFocus(row: HTMLElement): void {
  if (!pending) return;
  pending = false;
  clearTimeout(lapse);
  row.focus({ preventScroll: true });
}
