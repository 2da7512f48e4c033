/// <reference types="electron-vite/node" />
// electron-vite's import suffixes for the main process: `?modulePath` bundles a module as its own
// file and gives its path (the search worker, see index.ts).
