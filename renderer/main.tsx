import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { resolveDeskBridge } from './bridge/index.ts';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <App bridge={resolveDeskBridge()} />
  </StrictMode>,
);
