import { getState } from '../store/app-store.js';
import { moveSelection, sendAnswer, updateDraft } from '../store/selection-actions.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, dialog[open]') !== null;
}

function focusSelectedRowIfInGrid(): void {
  if (!document.activeElement?.closest('.table-scroll')) return;
  requestAnimationFrame(() => document.querySelector<HTMLElement>('tr[data-selected="true"]')?.focus());
}

/** A allow, D deny, Enter send, J/K move. Never while typing, never with modifiers; never moves focus by itself. */
export function handleShortcut(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const held = getState().selected?.state === 'held';
  switch (event.key) {
    case 'j':
    case 'J':
      moveSelection(1);
      focusSelectedRowIfInGrid();
      break;
    case 'k':
    case 'K':
      moveSelection(-1);
      focusSelectedRowIfInGrid();
      break;
    case 'a':
    case 'A':
      if (held) updateDraft({ verdict: 'allow' });
      break;
    case 'd':
    case 'D':
      if (held) updateDraft({ verdict: 'deny' });
      break;
    case 'Enter':
      // Buttons, links and summaries keep their own Enter.
      if (event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
      if (!held) return;
      event.preventDefault();
      void sendAnswer();
      return;
    default:
      return;
  }
  event.preventDefault();
}
