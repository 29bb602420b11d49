// Column arithmetic for a receipt: Chinese characters take two columns, ASCII one.
// A 58 mm printer has 32 columns of normal text, an 80 mm printer 48.

export function charColumns(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : 2;
}

export function textColumns(s: string): number {
  let n = 0;
  for (const ch of s) n += charColumns(ch);
  return n;
}

/** Marks that close a phrase: a line never starts with one (a lone 。 on its own line). */
const CLOSING = /^[。，、；：！？）》」』”’％…]$/u;

/** Splits a code longer than a whole line at its hyphens where it can, by character only where it must. */
function splitLong(tok: string, columns: number): string[] {
  const out: string[] = [];
  for (const piece of tok.split(/(?<=-)/)) {
    if (piece.length <= columns) out.push(piece);
    else for (let i = 0; i < piece.length; i += columns) out.push(piece.slice(i, i + columns));
  }
  return out;
}

/**
 * Wraps `text` into lines of at most `columns`. Latin words, numbers and codes
 * (any run of printable ASCII, e.g. XY20261122-0007) are never broken where they
 * fit on a line, and one longer than a whole line breaks at its hyphens first;
 * Chinese breaks between any two characters, but never before a closing mark
 * (。，、…): the character before it goes down with it.
 */
export function wrapText(text: string, columns: number): string[] {
  const tokens = text.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/gu) ?? [];
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  const flush = () => {
    lines.push(line.join('').trimEnd());
    line = [];
    width = 0;
  };
  const put = (tok: string) => {
    line.push(tok);
    width += textColumns(tok);
  };
  for (const tok of tokens) {
    const w = textColumns(tok);
    if (/^\s+$/u.test(tok)) {
      if (width > 0 && width + 1 <= columns) put(' ');
      continue;
    }
    if (width + w > columns && width > 0) {
      const prev = CLOSING.test(tok) && line.length > 1 ? line.pop()! : null;
      width -= prev ? textColumns(prev) : 0;
      flush();
      if (prev) put(prev);
    }
    if (w <= columns) {
      put(tok);
      continue;
    }
    for (const piece of splitLong(tok, columns)) {
      if (width + textColumns(piece) > columns && width > 0) flush();
      put(piece);
    }
  }
  if (width > 0 || lines.length === 0) flush();
  return lines;
}
