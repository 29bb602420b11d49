// 养老资格认证 and pensions (城乡居民养老保险).
import type { PolicyEntryInput } from '../schema.js';

export const pensionEntries: PolicyEntryInput[] = [
  { id: 'cert-what', topic: 'pension-certification', service: 'pension-certification', question: '养老资格认证是什么？', answer: '领养老金的人，每年要认证一次，证明人还健在。认证以后，养老金照常发放。', keywords: ['认证', '资格认证', '养老认证', '是什么'] },
  { id: 'cert-how-often', topic: 'pension-certification', service: 'pension-certification', question: '养老认证多久做一次？', answer: '一年做一次。从上次认证那天算起，十二个月内再认证一次就行。', keywords: ['多久', '一年', '几次', '认证', '什么时候认证'] },
  { id: 'cert-missed', topic: 'pension-certification', service: 'pension-certification', question: '忘了认证会怎么样？', answer: '过了期限没认证，养老金会暂停发放。补做认证以后就恢复发放，停发的钱也会补上。', keywords: ['忘了', '没认证', '停发', '暂停', '过期', '不发了'] },
  { id: 'cert-how', topic: 'pension-certification', service: 'pension-certification', question: '怎么做养老认证？', answer: '带上身份证，来村里的服务站，在这台机器上拍一张照片就行。在家也可以用电视认证。', keywords: ['怎么认证', '怎么做', '拍照', '刷脸', '认证'] },
  { id: 'cert-bedridden', topic: 'pension-certification', service: 'pension-certification', question: '老人走不动，怎么认证？', answer: '家人带着老人的身份证号码来，选“给家人认证”。老人来不了，村里的专员会上门认证。', keywords: ['走不动', '来不了', '卧床', '瘫痪', '上门', '代办', '家人认证'] },
  { id: 'cert-away', topic: 'pension-certification', question: '在外地住，怎么认证？', answer: '可以用手机上的社保软件刷脸认证。也可以让家里人来服务站，请专员帮忙。', keywords: ['外地', '不在家', '手机认证', '异地', '打工'] },
  { id: 'cert-free', topic: 'pension-certification', question: '认证要花钱吗？', answer: '不要钱，认证是免费的。谁找您收认证的钱，都不要给，那是骗子。', keywords: ['花钱', '收费', '要钱', '免费', '骗子'] },
  { id: 'cert-result', topic: 'pension-certification', service: 'application-status', question: '认证结果多久知道？', answer: '一般三天内出结果。插上身份证，选“办件进度”就能查。', keywords: ['结果', '多久', '认证成功', '通过没有'] },
  { id: 'pension-when-paid', topic: 'social-insurance', question: '养老金每月什么时候发？', answer: '养老金每个月都发，打到您的社保卡上。具体哪一天，各地不一样，可以问村里的专员。', keywords: ['养老金', '什么时候发', '哪天发', '到账', '发钱'] },
  { id: 'pension-age', topic: 'social-insurance', question: '多大年纪能领养老金？', answer: '城乡居民养老保险，满六十周岁，交够十五年，就能按月领养老金。', keywords: ['多大', '年纪', '六十岁', '领养老金', '退休'] },
  { id: 'pension-not-enough-years', topic: 'social-insurance', question: '交不够十五年怎么办？', answer: '可以补交，补够了就能按月领。怎么补、补多少，请问村里的专员。', keywords: ['不够', '十五年', '补交', '补缴', '年限'] },
  { id: 'pension-how-much', topic: 'social-insurance', question: '养老保险一年交多少？', answer: '有好几个档次，自己选。交得多，以后领得多，政府还会给补贴。', keywords: ['交多少', '档次', '养老保险', '一年', '缴费'] },
  { id: 'pension-records', topic: 'social-insurance', service: 'social-insurance-query', question: '怎么查我交了多少年？', answer: '插上身份证，选“社保查询”，就能看到交了多少年、交了多少钱、每月领多少。', keywords: ['查', '多少年', '记录', '交了多少', '社保查询'] },
  { id: 'card-lost', topic: 'social-insurance', question: '社保卡丢了怎么办？', answer: '先打电话12333挂失，再带身份证到乡镇或者银行补办新卡。', keywords: ['社保卡', '丢了', '挂失', '补办', '补卡'] },
  { id: 'pension-death', topic: 'social-insurance', question: '老人去世了，养老金怎么办？', answer: '请家人及时告诉村里，停发养老金。个人账户里剩下的钱，家人可以领回去。', keywords: ['去世', '走了', '死亡', '过世', '停发', '继承'] },
];
