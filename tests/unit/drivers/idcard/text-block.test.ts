import { describe, expect, it } from 'vitest';
import { idCardSchema } from '../../../../common/domain/idcard.js';
import { decodeBaseInfo, encodeBaseInfo, looksLikeBaseInfo } from '../../../../drivers/idcard/base-info.js';
import { ethnicityCodes, ethnicityName } from '../../../../drivers/idcard/ethnicity.js';
import { sampleCards, wangJie, zhangXiuying, liJianguoBadCheckDigit } from '../../../../drivers/idcard/samples.js';
import { decodeTextBlock, encodeTextBlock, TextBlockError } from '../../../../drivers/idcard/text-block.js';

describe('text block', () => {
  it('is 256 bytes of UCS-2 with fields in card order', () => {
    const block = encodeTextBlock(zhangXiuying);
    expect(block.length).toBe(256);
    expect(block.subarray(0, 6).toString('utf16le')).toBe('张秀英');
    expect(block.subarray(30, 32).toString('utf16le')).toBe('2'); // sex code: female
    expect(block.subarray(32, 36).toString('utf16le')).toBe('01'); // 汉
    expect(block.subarray(36, 52).toString('utf16le')).toBe('19430305');
    expect(block.subarray(204, 208).toString('utf16le')).toBe('长期');
  });

  it('round-trips every sample card and validates the schema', () => {
    for (const card of Object.values(sampleCards)) {
      const decoded = decodeTextBlock(encodeTextBlock(card));
      expect(idCardSchema.parse(decoded)).toEqual({ ...card, idNumberValid: card !== liJianguoBadCheckDigit });
    }
  });

  it('keeps a rare Extension A character in the name', () => {
    expect(decodeTextBlock(encodeTextBlock(wangJie)).name).toBe('王㛃');
  });

  it('flags a number that disagrees with the card', () => {
    const wrongSex = decodeTextBlock(encodeTextBlock({ ...zhangXiuying, sex: '男' }));
    expect(wrongSex.idNumberValid).toBe(false);
    const wrongBirth = decodeTextBlock(encodeTextBlock({ ...zhangXiuying, birthDate: '1943-03-06' }));
    expect(wrongBirth.idNumberValid).toBe(false);
  });

  it('throws a typed error for unreadable fields', () => {
    const block = encodeTextBlock(zhangXiuying);
    block.write('X', 30, 'utf16le');
    expect(() => decodeTextBlock(block)).toThrow(TextBlockError);
    expect(() => decodeTextBlock(Buffer.alloc(10))).toThrow(TextBlockError);
  });

  it('has all 56 groups plus 其他 and 外国血统', () => {
    expect(ethnicityCodes).toHaveLength(58);
    expect(ethnicityName('56')).toBe('基诺');
    expect(ethnicityName('97')).toBe('其他');
    expect(ethnicityName('98')).toBe('外国血统');
    expect(new Set(ethnicityCodes.map(ethnicityName)).size).toBe(58);
  });

  it('base info carries text and photo lengths and keeps the photo bytes', () => {
    const photo = Buffer.alloc(1024, 7);
    const data = encodeBaseInfo(wangJie, photo);
    expect(data.readUInt16BE(0)).toBe(256);
    expect(data.readUInt16BE(2)).toBe(1024);
    expect(looksLikeBaseInfo(data)).toBe(true);
    expect(looksLikeBaseInfo(Buffer.alloc(8))).toBe(false);
    const read = decodeBaseInfo(data);
    expect(read.photo.equals(photo)).toBe(true);
    expect(read.card.idNumber).toBe('13062419681120004X');
  });
});
