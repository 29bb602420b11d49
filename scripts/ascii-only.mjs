// The web host's built files, made ASCII-only after esbuild has written them.
// V8 keeps every script's source in memory while it runs (for functions compiled
// lazily, and for stack traces), and holds a source with even one non-ASCII
// character as two bytes per character. esbuild escapes non-ASCII in string
// literals but keeps it in regular expressions and in the comments it keeps
// (those inside class bodies), so the station's chunk (1.3 M characters) sat in
// the host's heap as 2.5 MB: ≈ 1.7 MB of the host's V8 heap went to the second
// byte (heap snapshot of the settled host, 2026-12-07).
//
// Each non-ASCII UTF-16 code unit becomes \uXXXX, which means the same thing in
// a string, a template's value, a regular expression (with or without the u
// flag: an escaped surrogate pair is one code point there) and an identifier,
// and nothing in a comment. No line is added or removed, so the source maps'
// lines still hold; columns after an escaped character on its line move.
import fs from 'node:fs';
import path from 'node:path';

export function escapeNonAscii(text) {
  // After a backslash (an identity escape in a regular expression) \uXXXX would read as a backslash and "uXXXX".
  const escaped = /\\[\u0080-\uffff]/.exec(text);
  if (escaped) throw new Error(`cannot make ASCII-only: a backslash before a non-ASCII character at offset ${escaped.index}`);
  return text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Rewrites every .js file in `dir` (not recursive) that holds a non-ASCII character. */
export function makeAsciiOnly(dir) {
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const file = path.join(dir, name);
    const text = fs.readFileSync(file, 'utf8');
    const ascii = escapeNonAscii(text);
    if (ascii !== text) fs.writeFileSync(file, ascii);
  }
}
