// What can be said to the 您还在吗 warning (the step also holds 返回, 首页, 再说一遍
// and 帮助, as every step does). A module of its own so the grammar tests can build it.
import type { StepSpecInput } from '../../../common/ipc/channels/speech.js';
import { t } from '../i18n/zh-CN.js';

export const CONTINUE_STEP: StepSpecInput = {
  kind: 'choice',
  options: [{ id: 'continue', label: t.inactivity.continue, synonyms: [...t.inactivity.continueSaid] }],
};
