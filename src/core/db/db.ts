import type Database from 'better-sqlite3';

/** An open library connection. Its own module, so code that only passes one around imports nothing else. */
export type Db = Database.Database;
