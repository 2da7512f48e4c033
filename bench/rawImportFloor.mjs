// The raw floor of a whole-process import (issue 13): read every file of a folder and insert them
// into ONE table and ONE FTS5 index in ONE transaction, with no application logic (no parsing,
// hashing, folding, compression or duplicate check). Plain JavaScript, so Node starts it at once.
// Usage: node bench/rawImportFloor.mjs FOLDER LIBRARY
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

const [folder, file] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`
  CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL, bytes BLOB NOT NULL);
  CREATE VIRTUAL TABLE files_fts USING fts5(text, content = 'files', content_rowid = 'id', prefix = '2 3',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '՛՜՞'");
`);
const insert = db.prepare('INSERT INTO files (name, text, bytes) VALUES (?, ?, ?)');
const index = db.prepare('INSERT INTO files_fts (rowid, text) VALUES (?, ?)');
db.transaction(() => {
  for (const name of fs.readdirSync(folder).sort()) {
    const bytes = fs.readFileSync(path.join(folder, name));
    const text = bytes.toString('utf8');
    index.run(insert.run(name, text, bytes).lastInsertRowid, text);
  }
})();
db.close();
