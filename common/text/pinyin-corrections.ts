// Readings pinyin-pro gets wrong in the app's own words, given to it as custom
// words (speech/pinyin-engine.ts, and the pinyin table's generator). They decide
// the keyword spotter's tokens, and its model was trained on the readings people
// say: with 只给自己 as zhī gěi… the keyword asked for a tone nobody says there.
// Each is checked to still differ from pinyin-pro's own reading
// (tests/unit/text/pinyin-table.test.ts): one it comes to agree with is dropped.
// Found by reading every keyword's pinyin (334 phrases, 2026-12-07); sandhi
// (不是 bú shì, 一个 yí gè) is left out on purpose, as everywhere else here.

/** A word → its syllables, space-separated, citation tones. */
export const PINYIN_CORRECTIONS: Readonly<Record<string, string>> = {
  // 只给自己 / 只给家人: "only for", zhǐ (zhī is the measure word, 一只鸡).
  只给: 'zhǐ gěi',
  // 重拍: take again, chóng (zhòng is heavy).
  重拍: 'chóng pāi',
  // 交了多少年: how many years, shǎo (duō shào nián reads it as 多 少年, many youths).
  多少年: 'duō shǎo nián',
};
