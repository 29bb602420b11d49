// One migration per schema version; `user_version` records the last one applied.
import type { Db } from '../db/open.js';

export interface Migration {
  readonly version: number;
  /** One line for the log and the CLI. */
  readonly description: string;
  up(db: Db): void;
}
