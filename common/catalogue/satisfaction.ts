// The satisfaction question after every service, and how a spoken answer picks a
// face. Longer phrases are tried first so 不满意 never counts as 满意.
import type { SatisfactionDefinition, SatisfactionScore } from './schema/satisfaction.js';

type SatisfactionInput = Omit<SatisfactionDefinition, 'faces'> & { faces: (Omit<SatisfactionDefinition['faces'][number], 'voice'> & { voice?: string[] })[] };

export const builtinSatisfaction: SatisfactionInput = {
  prompt: { title: '您满意吗', say: '这次办事，您满意吗？可以说满意、一般、不满意，也可以按一个笑脸。' },
  thanks: '谢谢您！',
  faces: [
    // The three spoken words 满意 / 一般 / 不满意 are the labels of faces 5, 3 and 1.
    { score: 5, label: '满意', icon: 'face-5', voice: ['非常满意', '很满意', '太好了', '特别好'] },
    { score: 4, label: '比较满意', icon: 'face-4', voice: ['还不错', '挺好', '不错', '还好'] },
    { score: 3, label: '一般', icon: 'face-3', voice: ['还行', '凑合', '马马虎虎', '还可以'] },
    { score: 2, label: '不太满意', icon: 'face-2', voice: ['不大满意', '有点不满意', '不太好'] },
    { score: 1, label: '不满意', icon: 'face-1', voice: ['很不满意', '非常不满意', '太差了', '不好', '差'] },
  ],
};

/**
 * The face a spoken answer chooses, or null. Every face's words are tried longest
 * first, across all faces, so 很不满意 (1) wins over 满意 (5) inside it.
 */
export function scoreFromSpeech(satisfaction: Pick<SatisfactionDefinition, 'faces'>, utterance: string): SatisfactionScore | null {
  const text = utterance.replace(/[\s，。！？,.!?]/g, '');
  if (!text) return null;
  const phrases = satisfaction.faces.flatMap((f) => [f.label, ...f.voice].map((p) => ({ p, score: f.score })));
  phrases.sort((a, b) => b.p.length - a.p.length);
  return phrases.find(({ p }) => text.includes(p))?.score ?? null;
}
