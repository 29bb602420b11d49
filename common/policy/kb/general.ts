// Certificates, following up an application, and using the kiosk or the TV.
import type { PolicyEntryInput } from '../schema.js';

export const generalEntries: PolicyEntryInput[] = [
  { id: 'cert-print-use', topic: 'certificate', service: 'certificate-print', question: '参保证明有什么用？', answer: '办贷款、孩子上学、出去打工，常常要证明您交了社保。', keywords: ['参保证明', '有什么用', '证明', '用途'] },
  { id: 'cert-print-how', topic: 'certificate', service: 'certificate-print', question: '怎么打印参保证明？', answer: '插上身份证，选“证明打印”，再选养老还是医疗，机器就打出来了。', keywords: ['打印', '怎么打', '开证明', '参保证明'] },
  { id: 'cert-print-offline', topic: 'certificate', service: 'certificate-print', question: '没有网能打印证明吗？', answer: '能。机器里存着最近一次同步的记录，证明上会写明是哪天的数据。', keywords: ['没网', '断网', '网络', '打印'] },
  { id: 'cert-print-free', topic: 'certificate', question: '打印证明要钱吗？', answer: '不要钱，免费打印。', keywords: ['要钱', '收费', '免费', '打印证明'] },
  { id: 'status-how', topic: 'application-status', service: 'application-status', question: '怎么查办的事到哪一步了？', answer: '插上身份证，选“办件进度”，机器会告诉您每件事办到了哪一步。', keywords: ['进度', '到哪一步', '办到哪', '查进度', '批了没有'] },
  { id: 'status-receipt-lost', topic: 'application-status', question: '回执单丢了怎么办？', answer: '没关系。插上身份证就能查到，专员也可以帮您重新打印回执。', keywords: ['回执', '丢了', '单子', '小票', '补打'] },
  { id: 'status-offline', topic: 'application-status', question: '没有网的时候办的事会丢吗？', answer: '不会丢。机器先存好，网络恢复后自动提交。提交后，办件进度里能看到回执号。', keywords: ['没网', '断网', '会丢', '网络', '提交'] },
  { id: 'status-rejected', topic: 'application-status', question: '申请被退回了怎么办？', answer: '办件进度里会说退回的原因。按原因补好材料再办一次，或者请专员帮忙。', keywords: ['退回', '没通过', '驳回', '不批', '被退'] },
  { id: 'kiosk-how', topic: 'kiosk', question: '这台机器怎么用？', answer: '先把身份证插进下面的读卡口。然后直接说要办什么事，或者按屏幕上的大按钮。', keywords: ['怎么用', '机器', '操作', '第一次', '不会用'] },
  { id: 'kiosk-text-size', topic: 'kiosk', question: '字太小看不清怎么办？', answer: '按屏幕上的“字大一点”，字就变大了。机器也会把每一页读给您听。', keywords: ['看不清', '字小', '字太小', '放大', '眼睛'] },
  { id: 'kiosk-repeat', topic: 'kiosk', question: '没听清怎么办？', answer: '说“再说一遍”，机器就再读一遍。声音小，可以请专员把音量调大。', keywords: ['没听清', '听不清', '再说一遍', '声音', '音量'] },
  { id: 'kiosk-help', topic: 'kiosk', question: '不会操作怎么办？', answer: '说“帮助”，或者按“找人帮忙”，村里的专员就会过来帮您。', keywords: ['不会', '帮助', '帮忙', '找人', '专员'] },
  { id: 'kiosk-on-behalf', topic: 'kiosk', question: '别人可以帮我办吗？', answer: '可以。家里人可以陪您来，村里的专员也能帮您代办，一步一步帮您做完。', keywords: ['代办', '帮我办', '别人', '家里人', '替我'] },
  { id: 'kiosk-tv', topic: 'kiosk', question: '在家能用电视办事吗？', answer: '能。按遥控器上的语音键说话，可以认证、查社保、交医保、查进度、问政策。', keywords: ['电视', '在家', '遥控器', '机顶盒', '家里办'] },
  { id: 'kiosk-privacy', topic: 'kiosk', question: '我的信息会不会泄露？', answer: '不会。您的信息加密保存。您离开以后，屏幕上的信息会自动清除。', keywords: ['泄露', '隐私', '安全', '信息', '个人信息'] },
  { id: 'kiosk-mistake', topic: 'kiosk', question: '说错了怎么改？', answer: '提交前，机器会把您说的读一遍。说“不是”，就能回去改。', keywords: ['说错', '改', '填错', '修改', '错了'] },
];
