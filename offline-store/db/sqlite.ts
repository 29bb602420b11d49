// Loads the SQLite driver (better-sqlite3-multiple-ciphers, SQLCipher-capable).
// Its package.json "exports" hides index.d.ts from NodeNext resolution, so the
// types are imported by path here, once, and everyone else imports from this file.
import { createRequire } from 'node:module';
import type BetterSqlite3 from '../../node_modules/better-sqlite3-multiple-ciphers/index.js';

const require = createRequire(import.meta.url);

export const Database = require('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;
export type Db = BetterSqlite3.Database;
export type Statement = BetterSqlite3.Statement;
