// Durability helpers shared by everything that creates a file by linking a
// finished private copy into place (the database file, key files): after link(2)
// the folder itself must reach the disk, or a power cut can forget the new name.
import fs from 'node:fs';
import path from 'node:path';

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every filesystem allows fsync on a directory; the link itself is durable enough there.
  }
}

/**
 * Puts a finished private copy at `file` with link(2), which fails if the name exists, so of
 * several processes creating the same file exactly one wins; false when another process won
 * (its file stands, and the caller reads it). The folder is fsynced so the new name survives.
 */
export function linkIntoPlace(tmp: string, file: string): boolean {
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  fsyncDir(path.dirname(file));
  return true;
}
