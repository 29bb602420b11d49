// Durability helpers shared by everything that creates a file by linking a
// finished private copy into place (the database file, key files): after link(2)
// the folder itself must reach the disk, or a power cut can forget the new name.
import fs from 'node:fs';

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
