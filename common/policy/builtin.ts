// The knowledge base the kiosk ships with, validated like any synced one.
import { z } from 'zod';
import { allowanceEntries } from './kb/allowances.js';
import { generalEntries } from './kb/general.js';
import { medicalEntries } from './kb/medical.js';
import { pensionEntries } from './kb/pension.js';
import { policyKnowledgeBaseSchema, type PolicyKnowledgeBase, type PolicyTopic } from './schema.js';
import { createPolicyIndex, type PolicyIndex } from './search.js';

export const BUILTIN_POLICY_VERSION = '2026.11.1';

export const policyTopics: PolicyTopic[] = [
  { id: 'pension-certification', label: '养老认证', keywords: ['养老认证', '资格认证', '认证'] },
  { id: 'social-insurance', label: '社保养老金', keywords: ['社保', '养老金', '养老保险', '社保卡'] },
  { id: 'medical-insurance', label: '医保', keywords: ['医保', '医疗保险', '合作医疗', '新农合', '报销'] },
  { id: 'elderly-allowance', label: '高龄津贴', keywords: ['高龄津贴', '高龄补贴', '高龄', '津贴'] },
  { id: 'subsistence-allowance', label: '低保', keywords: ['低保', '最低生活保障', '困难'] },
  { id: 'certificate', label: '证明打印', keywords: ['证明', '参保证明', '打印'] },
  { id: 'application-status', label: '办件进度', keywords: ['进度', '回执', '办件'] },
  { id: 'kiosk', label: '怎么用机器', keywords: ['机器', '屏幕', '电视', '遥控器'] },
];

export class PolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** The single validation entry point for a knowledge base (built-in or synced). */
export function parsePolicyKnowledgeBase(json: unknown): PolicyKnowledgeBase {
  const parsed = policyKnowledgeBaseSchema.safeParse(json);
  if (!parsed.success) throw new PolicyError(`knowledge base is invalid: ${z.prettifyError(parsed.error).slice(0, 500)}`);
  return parsed.data;
}

let cached: PolicyIndex | undefined;

export function builtinPolicyIndex(): PolicyIndex {
  cached ??= createPolicyIndex(
    parsePolicyKnowledgeBase({
      version: BUILTIN_POLICY_VERSION,
      topics: policyTopics,
      entries: [...pensionEntries, ...medicalEntries, ...allowanceEntries, ...generalEntries],
    }),
  );
  return cached;
}
