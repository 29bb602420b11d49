import { describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../../common/catalogue/builtin.js';
import { satisfactionRatingSchema } from '../../../common/catalogue/schema/satisfaction.js';
import { afterSubmit } from '../../../common/flow/after-submit.js';

const svc = (id: string) => {
  const s = builtinCatalogue().services.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};

describe('after submitting', () => {
  it('promises plain words when offline', () => {
    expect(afterSubmit(svc('pension-certification'), { state: 'queued' })).toEqual({
      say: '已保存，网络恢复后自动提交。',
      nextSteps: '认证结果三天内出来。养老金照常发放，不用再跑。',
    });
  });

  it('reads the receipt number digit by digit when accepted', () => {
    const words = afterSubmit(svc('elderly-allowance'), { state: 'accepted', receipt: '202611220017' });
    expect(words?.say).toBe('申请已提交，回执号是二零二六，幺幺二二，零零幺七。');
    expect(afterSubmit(svc('elderly-allowance'), { state: 'accepted', receipt: 'XY-12' })?.say).toContain('X Y - 1 2');
  });

  it('has nothing to say for services that do not submit', () => {
    expect(afterSubmit(svc('social-insurance-query'), { state: 'queued' })).toBeNull();
  });

  it('validates an anonymous satisfaction rating', () => {
    const rating = { serviceId: 'policy-qa', score: 3, via: 'voice', ratedOn: '2026-11-22', catalogueVersion: '2026.11.1' };
    expect(satisfactionRatingSchema.parse(rating)).toEqual(rating);
    expect(satisfactionRatingSchema.safeParse({ ...rating, score: 6 }).success).toBe(false);
    expect(satisfactionRatingSchema.safeParse({ ...rating, idNumber: '1' }).success).toBe(false);
  });
});
