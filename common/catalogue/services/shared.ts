// Words several services share: how a family member is related, and the ID card.
import type { ChoiceOption } from '../schema/fields.js';
import type { RequiredDocument } from '../schema/service.js';

type OptionInput = Omit<ChoiceOption, 'voice'> & { voice?: string[] };

/** "This person is your ___", with the words villagers use. */
export const relationshipOptions: OptionInput[] = [
  { value: 'spouse', label: '老伴', voice: ['配偶', '爱人', '老公', '老婆', '丈夫', '妻子', '媳妇', '老头', '老太婆'] },
  { value: 'parent', label: '父母', voice: ['父亲', '母亲', '爸爸', '妈妈', '爸', '妈', '老爹', '老娘', '公公', '婆婆', '岳父', '岳母'] },
  { value: 'child', label: '子女', voice: ['儿子', '女儿', '孩子', '儿媳', '女婿'] },
  { value: 'grandchild', label: '孙辈', voice: ['孙子', '孙女', '外孙', '外孙女'] },
  { value: 'grandparent', label: '祖辈', voice: ['爷爷', '奶奶', '外公', '外婆', '姥姥', '姥爷'] },
  { value: 'sibling', label: '兄弟姐妹', voice: ['哥哥', '弟弟', '姐姐', '妹妹', '兄弟', '姐妹'] },
  { value: 'other', label: '其他亲属', voice: ['亲戚', '其他', '别的'] },
];

export const idCardDocument: RequiredDocument = { id: 'id-card', name: '身份证', say: '带上您的身份证，插进下面的读卡口。', photo: false };

/**
 * Spoken contact number: only to call the resident back about this application.
 * Optional: many elderly residents have no phone, and the village reaches them
 * anyway (the application then carries no phone at all).
 */
export const phoneStep = {
  id: 'phone',
  kind: 'question' as const,
  prompt: {
    title: '联系电话',
    say: '留一个电话号码，有事好找您。请用屏幕上的键盘按号码。没有电话，就说“跳过”，或者按跳过，村里会通知您。',
    hint: '请一个数字一个数字地说电话号码。没有电话，就说“跳过”，村里会通知您。',
  },
  field: { id: 'phone', kind: 'phone' as const, label: '电话号码', allowLandline: true, optional: true },
};
