// A question with buttons is read with its choices, so a resident who cannot
// read the buttons hears what there is to say; a question that already names
// them all is not made longer.
import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { answer, next, startFlow, viewOf } from '../../../common/flow/index.js';
import { optionsSaid } from '../../../common/flow/view.js';
import { confirmVoiceSynonyms } from '../../../common/catalogue/voice-synonyms.js';
import { resident, TODAY } from './fixtures.js';

const option = (label: string) => ({ value: label, label, voice: [] });

describe('optionsSaid', () => {
  it('lists the labels when the question does not name them', () => {
    expect(optionsSaid('是您的什么人？', [option('老伴'), option('父母'), option('子女')])).toBe('可以说：老伴、父母、子女。');
  });

  it('adds nothing when every label is already in the question, or there are no buttons', () => {
    expect(optionsSaid('给自己认证，还是给家人认证？', [option('给自己'), option('给家人')])).toBe('');
    expect(optionsSaid('您的手机号码是多少？', [])).toBe('');
  });
});

describe('a relationship question read aloud', () => {
  it('says every relationship offered after the question', () => {
    const catalogue = builtinCatalogue();
    const service = catalogue.services.find((s) => s.id === 'pension-certification')!;
    let s = next(startFlow({ service, catalogueVersion: catalogue.version, identity: resident('1970-05-05'), surface: 'kiosk', today: TODAY }));
    s = answer(s, 'family');
    const v = viewOf(s);
    expect(v.kind).toBe('question');
    if (v.kind !== 'question') return;
    expect(v.options.length).toBeGreaterThan(3);
    expect(v.say.startsWith(v.prompt.say)).toBe(true);
    for (const o of v.options) expect(v.say).toContain(o.label);
  });
});

describe('a service intro read aloud', () => {
  it('ends by saying how to begin, with a word the recognizer takes as yes', () => {
    const catalogue = builtinCatalogue();
    const service = catalogue.services.find((s) => s.id === 'medical-insurance-payment')!;
    const v = viewOf(startFlow({ service, catalogueVersion: catalogue.version, identity: resident('1950-05-05'), surface: 'kiosk', today: TODAY }));
    expect(v.kind).toBe('intro');
    if (v.kind !== 'intro') return;
    expect(v.say.endsWith('准备好了，就说“可以”，或者按“开始办理”。')).toBe(true);
    expect(confirmVoiceSynonyms.yes).toContain('可以');
  });
});
