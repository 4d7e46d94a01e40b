// A workspace frontend as a host team writes it: React 19 under StrictMode,
// react-router 7, and the console installed as an npm package. Importing the
// package defines both elements before anything renders (the module awaits its
// WASM at top level), so JSX may set their properties directly.
import 'custom-models-console';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.jsx';
import './host.css';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, '')}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
