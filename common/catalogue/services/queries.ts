// The services that look something up, print it or answer a question: no form to
// submit, so no read-back. Query screens show the last synced data with its date
// when the link is down, and live data when it is up.
import type { ServiceDefinitionInput } from '../schema/service.js';

export const socialInsuranceQuery: ServiceDefinitionInput = {
  id: 'social-insurance-query',
  names: { full: '社保参保信息查询', short: '社保查询' },
  description: '查看您的参保和缴费记录。',
  synonyms: ['社保查询', '查社保', '社保', '参保记录', '缴费记录', '查养老金', '养老金多少'],
  icon: 'search',
  needsLink: false,
  offeredOn: ['kiosk', 'tv'],
  intro: { title: '社保查询', say: '查一查您交了哪些保险，交了多少年，每个月领多少。' },
  confirm: false,
  steps: [
    {
      id: 'insurance',
      kind: 'question',
      prompt: { title: '查哪一种', say: '您想查养老保险，还是医疗保险？' },
      field: {
        id: 'insurance',
        kind: 'choice',
        label: '险种',
        options: [
          { value: 'pension', label: '养老保险', voice: ['养老', '养老金', '养老保险'] },
          { value: 'medical', label: '医疗保险', voice: ['医疗', '医保', '合作医疗', '医疗保险'] },
        ],
      },
    },
  ],
  action: { kind: 'query', query: 'social-insurance-record' },
};

export const applicationStatus: ServiceDefinitionInput = {
  id: 'application-status',
  names: { full: '办件进度查询', short: '办件进度' },
  description: '看看您办的事到哪一步了。',
  synonyms: ['办件进度', '查进度', '进度', '办到哪了', '审批进度', '回执'],
  icon: 'progress',
  needsLink: false,
  offeredOn: ['kiosk', 'tv'],
  intro: { title: '办件进度', say: '我来看看，您办的事到哪一步了。' },
  confirm: false,
  action: { kind: 'query', query: 'application-status' },
};

export const certificatePrint: ServiceDefinitionInput = {
  id: 'certificate-print',
  names: { full: '证明打印', short: '证明打印' },
  description: '打印参保证明。',
  synonyms: ['证明打印', '打印证明', '参保证明', '开证明', '打证明'],
  icon: 'print',
  needsLink: false,
  offeredOn: ['kiosk'],
  intro: { title: '证明打印', say: '这里可以打印参保证明，盖的是电子章，办事可以用。' },
  confirm: false,
  steps: [
    {
      id: 'certificate',
      kind: 'question',
      prompt: { title: '打印哪一种', say: '打印养老保险参保证明，还是医疗保险参保证明？' },
      field: {
        id: 'insurance',
        kind: 'choice',
        label: '证明种类',
        options: [
          { value: 'pension', label: '养老保险证明', voice: ['养老', '养老保险', '养老证明'] },
          { value: 'medical', label: '医疗保险证明', voice: ['医疗', '医保', '医保证明', '医疗保险'] },
        ],
      },
    },
    {
      id: 'copies',
      kind: 'question',
      prompt: { title: '打几份', say: '打印几份？可以打一份、两份或者三份。' },
      field: { id: 'copies', kind: 'count', label: '份数', min: 1, max: 3, unit: '份' },
    },
  ],
  action: { kind: 'print', document: 'insurance-certificate' },
};

export const policyQa: ServiceDefinitionInput = {
  id: 'policy-qa',
  names: { full: '政策问答', short: '政策问答' },
  description: '问问政策，听听回答。',
  synonyms: ['政策问答', '问政策', '政策', '咨询', '问问题', '我想问'],
  icon: 'question',
  needsLink: false,
  offeredOn: ['kiosk', 'tv'],
  intro: { title: '政策问答', say: '您想问什么？直接说就行，比如：医保一年交多少钱。' },
  confirm: false,
  action: { kind: 'policy-qa' },
};
