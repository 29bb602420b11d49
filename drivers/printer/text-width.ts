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

/**
 * Wraps `text` into lines of at most `columns`. Latin words and digit runs are kept
 * whole where they fit (a tracking number must never break in the middle);
 * Chinese breaks between any two characters.
 */
export function wrapText(text: string, columns: number): string[] {
  const tokens = text.match(/[\x21-\x7e]+|\s+|[^\s\x21-\x7e]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const flush = () => {
    lines.push(line.trimEnd());
    line = '';
    width = 0;
  };
  for (const tok of tokens) {
    const w = textColumns(tok);
    if (/^\s+$/u.test(tok)) {
      if (width > 0 && width + 1 <= columns) {
        line += ' ';
        width += 1;
      }
      continue;
    }
    if (width + w > columns && width > 0) flush();
    if (w <= columns) {
      line += tok;
      width += w;
      continue;
    }
    for (const ch of tok) {
      if (width + charColumns(ch) > columns) flush();
      line += ch;
      width += charColumns(ch);
    }
  }
  if (width > 0 || lines.length === 0) flush();
  return lines;
}
