// What people really say for each voice intent. The grammars of every dialog step
// are generated from this table (plus the screen's own option labels), never
// hand-written per screen. Phrases are plain Chinese; the recognizer splits them
// into dictionary words and refuses to build a grammar with an unknown word, so a
// typo here fails loudly at start-up rather than silently never matching.
//
// The service catalogue imports `serviceVoiceSynonyms` to attach them to services.

import { serviceIds } from '../domain/service-ids.js';

/** The service intents are exactly the catalogue's service ids. */
export const serviceIntentIds = serviceIds;
export type ServiceIntentId = (typeof serviceIntentIds)[number];

/** Intents accepted at every step. `help` also calls the village specialist. */
export const globalIntentIds = ['back', 'home', 'repeat', 'help'] as const;
export type GlobalIntentId = (typeof globalIntentIds)[number];

export const confirmIntentIds = ['yes', 'no'] as const;
export type ConfirmIntentId = (typeof confirmIntentIds)[number];

export type VoiceIntentId = ServiceIntentId | GlobalIntentId | ConfirmIntentId;

// Synonyms are ordered roughly by how often residents use them: the first one is
// the canonical wording used in prompts ("您可以说：养老认证").
export const serviceVoiceSynonyms: Readonly<Record<ServiceIntentId, readonly string[]>> = {
  'pension-certification': ['养老认证', '养老资格认证', '生存认证', '认证', '资格认证', '养老金认证', '领养老金认证', '年审'],
  'social-insurance-query': ['社保查询', '查社保', '社保', '查询社保', '参保记录', '缴费记录', '查养老金'],
  'medical-insurance-payment': ['医保缴费', '交医保', '缴医保', '医保', '合作医疗', '交合作医疗', '医疗保险'],
  'elderly-allowance': ['高龄津贴', '高龄补贴', '老年补贴', '老人补贴', '高龄'],
  'subsistence-allowance': ['低保申请', '低保', '最低生活保障', '吃低保'],
  'application-status': ['办件进度', '办理进度', '进度', '查进度', '办到哪了', '审批进度'],
  'certificate-print': ['证明打印', '打印证明', '参保证明', '开证明', '打印'],
  'policy-qa': ['政策问答', '政策', '问政策', '政策咨询', '咨询'],
};

// Said as they are, without the carriers of a request (no 查一下上一步, 帮我我不会):
// with them the grammar held many phrases nobody says, which other speech was
// forced onto. The lead-ins people do use with these are phrases of their own.
export const globalVoiceSynonyms: Readonly<Record<GlobalIntentId, readonly string[]>> = {
  back: ['返回', '上一步', '回去', '后退', '退回', '我要回去'],
  home: ['首页', '回首页', '回到首页', '主页', '主菜单', '我要回首页'],
  repeat: ['重复', '再说一遍', '再说一次', '没听清', '重新说'],
  help: ['帮助', '人工', '找人帮忙', '叫工作人员', '我不会', '帮帮我'],
};

export const confirmVoiceSynonyms: Readonly<Record<ConfirmIntentId, readonly string[]>> = {
  // Not 没错: it differs from the no-word 错了 only in weak syllables, and through the
  // microphone 错了 was heard as 没错 — a "no" taken for a yes.
  yes: ['是', '是的', '对', '对的', '确认', '好', '好的', '可以', '同意'],
  no: ['不是', '不对', '不', '取消', '不要', '不行', '错了', '不同意'],
};

/**
 * Beside those, at a step whose yes submits (the read-back, and the moment after
 * it): its button's verb, 是，提交, as people say it. Without them 可以提交 was
 * heard as 可以 with a 提交 outside the keywords, taken only while that 提交 was
 * short (the other voice a submitting yes allows is 0.45 s). The no-words hold
 * 提交 too, so 不提交 is one keyword, a no, and never a yes whose 不 was missed.
 * Only there: elsewhere nothing is submitted.
 */
export const submitVoiceSynonyms: Readonly<Record<ConfirmIntentId, readonly string[]>> = {
  yes: ['提交', '可以提交', '确认提交'],
  no: ['不提交', '先不提交', '不要提交'],
};

/**
 * The answers to 我听着像是“…”，对吗？ — heard beside the screen's own commands
 * while it asks. Fewer than at a confirm step: the one-syllable 不 and 好 are
 * what other speech is most easily forced onto, and with the carriers allowed
 * there (…吧) a real recording not meant for the kiosk came out as 不吧.
 */
export const checkingVoiceSynonyms: Readonly<Record<ConfirmIntentId, readonly string[]>> = {
  yes: ['对', '对的', '是', '是的', '对了'],
  no: ['不是', '不对', '不对不对'],
};

/**
 * The flow's own buttons, said instead of pressed: the camera's 拍照 / 用这张 / 重拍
 * and 跳过 on an optional question. Each screen adds its button label to these.
 * 可以 and 不是 mean "use it" and "again" only while a taken photo is shown.
 */
export const controlIntentIds = ['take-photo', 'use-photo', 'retake-photo', 'skip'] as const;
export type ControlIntentId = (typeof controlIntentIds)[number];

export const controlVoiceSynonyms: Readonly<Record<ControlIntentId, readonly string[]>> = {
  'take-photo': ['拍照', '拍吧', '拍', '好了', '准备好了', '拍一张'],
  'use-photo': ['用这张', '可以', '好', '好的', '是'],
  'retake-photo': ['重拍', '再拍一张', '再拍', '不行', '不是'],
  skip: ['跳过', '不留', '没有', '不用'],
};

/**
 * What people say after a number for a field's unit: 五口人, 五个人 and 五口 are all a
 * household of five; 两千块 is 两千元. A unit not listed is said as written.
 */
const MEASURE_WORDS: Readonly<Record<string, readonly string[]>> = {
  口人: ['口人', '口', '个人', '个', '人'],
  位: ['位', '个', '个人', '人'],
  份: ['份', '张'],
  元: ['元', '块', '块钱'],
};

export function measureWordSynonyms(unit: string): readonly string[] {
  return MEASURE_WORDS[unit] ?? [unit];
}

/** What people put in front of a request: 我要…, 我想…, 帮我…, 申请…, 查一下… */
export const carrierPrefixes: readonly string[] = ['我要', '我想', '我想要', '帮我', '请帮我', '给我', '申请', '查一下', '我要办', '我想办', '我要查'];
/** What people put after it: …吧, …一下. */
export const carrierSuffixes: readonly string[] = ['吧', '一下'];

/** Spoken digits: 幺 and 两 are digits too (幺 on the phone, 两 in counts); 叉 is the X of an ID number. */
export const spokenDigits: Readonly<Record<string, string>> = {
  零: '0',
  洞: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  叉: 'X',
};

export function allVoiceSynonyms(): Readonly<Record<VoiceIntentId, readonly string[]>> {
  return { ...serviceVoiceSynonyms, ...globalVoiceSynonyms, ...confirmVoiceSynonyms };
}
