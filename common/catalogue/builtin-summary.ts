// The services the station offers, as the home screen shows them. The full,
// versioned catalogue (steps, fields, eligibility) replaces this with issue 6.
import type { ServiceSummary } from '../domain/catalogue-summary.js';

export const BUILTIN_CATALOGUE_VERSION = '2026.11.0';

export const builtinServiceSummaries: readonly Omit<ServiceSummary, 'available'>[] = [
  { id: 'pension-certification', title: '养老资格认证', description: '每年认证一次，认证后养老金照常发放。', icon: 'pension', needsLink: false },
  { id: 'social-insurance-query', title: '社保查询', description: '查看您的参保和缴费记录。', icon: 'search', needsLink: false },
  { id: 'medical-insurance-payment', title: '医保缴费', description: '城乡居民医保，为自己或家人缴费。', icon: 'medical', needsLink: false },
  { id: 'elderly-allowance', title: '高龄津贴', description: '八十岁以上老人可以申请。', icon: 'allowance', needsLink: false },
  { id: 'subsistence-allowance', title: '低保申请', description: '申请最低生活保障。', icon: 'subsistence', needsLink: false },
  { id: 'application-status', title: '办件进度', description: '看看您办的事到哪一步了。', icon: 'progress', needsLink: false },
  { id: 'certificate-print', title: '证明打印', description: '打印参保证明。', icon: 'print', needsLink: false },
  { id: 'policy-qa', title: '政策问答', description: '问问政策，听听回答。', icon: 'question', needsLink: false },
];

/** A TV at home has no card reader or printer: these are the services it offers. */
export const tvServiceIds: readonly string[] = [
  'pension-certification',
  'social-insurance-query',
  'medical-insurance-payment',
  'application-status',
  'policy-qa',
];
