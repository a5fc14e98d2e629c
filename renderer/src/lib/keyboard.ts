import { getState, setState } from '../store/app-store.js';
import { selectNextHeld } from '../store/held-actions.js';
import { notify } from '../store/notices.js';
import { moveSelection, selectEdge, sendAnswer, updateDraft } from '../store/selection-actions.js';
import { requestRowFocus } from '../table/row-focus.js';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, dialog[open]') !== null;
}

/**
 * Focus follows a keyboard move only when it was on the list (or nowhere, e.g. after the focused row scrolled out
 * of the rendered window): a move from elsewhere never pulls focus away from what the person is doing.
 */
function focusFollows(): void {
  const active = document.activeElement;
  if (active === null || active === document.body || active.closest('.table-scroll')) requestRowFocus();
}

/**
 * J/K move, Home/End first/last, H next held, A allow, D deny, Enter send, ? the shortcut list. Never while typing,
 * never with modifiers.
 */
export function handleShortcut(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const held = getState().selected?.state === 'held';
  switch (event.key) {
    case 'j':
    case 'J':
      moveSelection(1);
      focusFollows();
      break;
    case 'k':
    case 'K':
      moveSelection(-1);
      focusFollows();
      break;
    case 'Home':
    case 'End':
      // Inside a scrollable box these keys would only scroll it; on the page they pick the first/last row.
      selectEdge(event.key === 'Home' ? 'first' : 'last');
      focusFollows();
      break;
    case 'h':
    case 'H':
      if (selectNextHeld() === null) {
        notify('info', 'No request is held');
        break;
      }
      focusFollows();
      break;
    case '?':
      setState({ shortcutHelpOpen: true });
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
