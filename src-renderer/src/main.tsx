// The renderer's entry: connect to the core, then render the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BridgeContext } from './api/bridge-context';
import { connectBridge } from './api/client';
import { App } from './features/shell/App';
import './styles.css';
import './features/orders/orders.css';
import './features/composer/composer.css';
import './features/queue/queue.css';
import './features/settings/settings.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const bridge = connectBridge();
root.render(
  <StrictMode>
    {'error' in bridge ? (
      <div className="fatal" role="alert">{bridge.error}</div>
    ) : (
      <BridgeContext.Provider value={bridge}>
        <App />
      </BridgeContext.Provider>
    )}
  </StrictMode>,
);
