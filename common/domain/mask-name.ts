// A resident's name as the station shows it where it is not the resident's own
// screen (the desk's help calls, logs): the family name and a star for each
// other character, 张秀英 → 张**. One rule, used by the log redactor too.

export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return name;
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}
