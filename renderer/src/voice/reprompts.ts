// What the kiosk says when it did not understand: never the same words twice in
// a row (a resident who did not understand the question will not understand it
// louder), shorter and more concrete each time, and after two failures it offers
// the buttons and says the specialist is coming.
import { serviceVoiceSynonyms, type ServiceIntentId } from '../../../common/catalogue/voice-synonyms.js';

export type StepKind = 'home' | 'confirm' | 'digits' | 'choice';

/** The prompt after `failures` consecutive failed attempts (1 = first retry). */
export function reprompt(kind: StepKind, failures: number, opts: { options?: readonly string[]; services?: readonly ServiceIntentId[] } = {}): string {
  if (failures >= 2) return '没关系，您可以直接按屏幕上的大按钮。我已经请工作人员过来帮您。';
  switch (kind) {
    case 'home': {
      const names = (opts.services ?? ['pension-certification', 'social-insurance-query', 'medical-insurance-payment']).slice(0, 3).map((id) => serviceVoiceSynonyms[id][0]);
      return `我没听清。您可以说：${names.join('、')}。`;
    }
    case 'confirm':
      return '我没听清。对的话请说"是"，不对请说"不是"。';
    case 'digits':
      return '我没听清。请一个数字一个数字地慢慢说。';
    case 'choice':
      return opts.options && opts.options.length > 0 ? `我没听清。您可以说：${opts.options.slice(0, 4).join('、')}，或者说"第一个"。` : '我没听清，请再说一遍。';
  }
}
