// Renders a step grammar as JSGF for PocketSphinx's grammar search. Next to the
// commands sits a garbage loop (any sequence of phones, each a "word" added to the
// decoder's dictionary): speech that is not a command is cheaper to explain as
// garbage than to force onto the nearest command, and a hypothesis containing a
// garbage word is rejected. The loop's weight is the main false-accept knob.
import type { StepGrammar } from './step-grammar.js';
import { QUANTITY_LEADS, QUANTITY_TAILS, quantityJsgfRules } from './quantity.js';

export interface JsgfOptions {
  /** Dictionary words that make up the garbage loop (one per phone). */
  readonly garbageWords: readonly string[];
  /** Prior weight of the garbage branch against the command branch (JSGF /w/). */
  readonly garbageWeight: number;
}

const words = (w: readonly string[]) => w.join(' ');
const alternatives = (list: readonly (readonly string[])[]) => [...new Set(list.map(words))].join(' | ');

export function renderJsgf(g: StepGrammar, opts: JsgfOptions): string {
  const rules: string[] = [];
  const branches: string[] = [];
  const carried = g.phrases.filter((p) => !p.bare);
  const bare = g.phrases.filter((p) => p.bare);
  if (carried.length > 0) {
    rules.push(`<intent> = ${alternatives(carried.map((p) => p.words))};`);
    const pre = g.prefixes.length > 0 ? '[<pre>] ' : '';
    const suf = g.suffixes.length > 0 ? ' [<suf>]' : '';
    if (pre) rules.push(`<pre> = ${alternatives(g.prefixes)};`);
    if (suf) rules.push(`<suf> = ${alternatives(g.suffixes)};`);
    branches.push(`${pre}<intent>${suf}`);
  }
  if (bare.length > 0) {
    rules.push(`<answer> = ${alternatives(bare.map((p) => p.words))};`);
    branches.push('<answer>');
  }
  if (g.digits) {
    rules.push(`<digit> = ${g.digits.words.join(' | ')};`);
    branches.push('<digit>+');
  }
  if (g.quantity) {
    rules.push(...quantityJsgfRules(g.quantity.max));
    if (g.quantity.units.length > 0) rules.push(`<unit> = ${alternatives(g.quantity.units)};`);
    rules.push(`<qlead> = ${QUANTITY_LEADS.join(' | ')};`, `<qtail> = ${QUANTITY_TAILS.join(' | ')};`);
    branches.push(`[<qlead>] <quantity>${g.quantity.units.length > 0 ? ' [<unit>]' : ''} [<qtail>]`);
  }
  const cmd = branches.length === 1 ? branches[0]! : `(${branches.join(') | (')})`;
  const weight = (w: number) => (Math.abs(Math.log10(w)) > 4 ? w.toExponential(3) : String(w));
  let top = cmd;
  if (opts.garbageWords.length > 0) {
    rules.push(`<garbage> = <phone>+;`, `<phone> = ${opts.garbageWords.join(' | ')};`);
    top = `/1/ (${cmd}) | /${weight(opts.garbageWeight)}/ <garbage>`;
  }
  return ['#JSGF V1.0;', 'grammar step;', `public <utterance> = ${top};`, ...rules, ''].join('\n');
}
