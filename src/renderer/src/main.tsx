import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { listenForRemoteChanges } from './api/mutate';
import './styles/theme.css';
import './styles/base.css';
import './styles/components.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/notes.css';
import './styles/notes-editor.css';

// Other windows' and processes' changes re-fetch what they affect here too.
listenForRemoteChanges();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
