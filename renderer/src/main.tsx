import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { resolveConnection } from './api/connection.js';
import { setConnection } from './store/client-ref.js';
import { mirrorReadiness, startConnection } from './store/connection-actions.js';
import { revealAndSelect } from './store/held-actions.js';
import { requestRowFocus } from './table/row-focus.js';
import './styles/theme.css';
import './styles/layout.css';
import './styles/top-bar.css';
import './styles/filter-bar.css';
import './styles/table.css';
import './styles/table-cells.css';
import './styles/table-compact.css';
import './styles/detail.css';
import './styles/decision.css';
import './styles/rules.css';
import './styles/decide-ahead.css';
import './styles/upstream.css';
import './styles/play.css';
import './styles/forms.css';
import './styles/flows.css';

const connection = resolveConnection();
setConnection(connection);
mirrorReadiness(document.documentElement);
startConnection();
// Desktop: a clicked "held request" notification selects that request here.
connection.desktop?.onSelectCapture?.((id) => {
  revealAndSelect(id);
  requestRowFocus();
});

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
