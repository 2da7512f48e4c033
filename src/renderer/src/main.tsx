import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { listenForRemoteChanges } from './api/mutate';
import { preloadViewsAfterFirstPaint } from './lazyViews';
import './styles/theme.css';
import './styles/base.css';
// Every stylesheet but the theme and base lives beside its feature. These five are imported here,
// not by their components, to keep their place in the cascade: after the stylesheets App's
// components import, in this order. Imported by their components, they would come before those
// and change which of two equally specific rules wins.
import './components/components.css';
import './features/library/library.css';
import './features/reader/reader.css';
import './features/notes/notes.css';
import './editor/noteEditor.css';

// Other windows' and processes' changes re-fetch what they affect here too.
listenForRemoteChanges();
preloadViewsAfterFirstPaint();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
