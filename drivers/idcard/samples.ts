// Realistic sample cards for the simulator, tests and the lead's end-to-end tests.
// The numbers are made up but well-formed (correct check digits) except where a
// sample exists to show a card that fails validation.
import type { IdCard } from '../../common/domain/idcard.js';

export type SampleCard = Omit<IdCard, 'idNumberValid'>;

/** An elderly resident whose card is valid for life (长期). */
export const zhangXiuying: SampleCard = {
  name: '张秀英',
  sex: '女',
  ethnicity: '汉',
  birthDate: '1943-03-05',
  address: '北京市东城区东华门街道南池子大街12号',
  idNumber: '110101194303050028',
  issuer: '北京市公安局东城分局',
  validFrom: '2015-06-01',
  validTo: '长期',
};

/** A name with 㛃 (U+36C3, CJK Extension A): four bytes in GB18030. The number ends in X. */
export const wangJie: SampleCard = {
  name: '王㛃',
  sex: '女',
  ethnicity: '汉',
  birthDate: '1968-11-20',
  address: '河北省保定市阜平县龙泉关镇骆驼湾村45号',
  idNumber: '13062419681120004X',
  issuer: '阜平县公安局',
  validFrom: '2012-08-15',
  validTo: '2032-08-15',
};

/** A Mongolian herder; ethnicity code 02. */
export const bateer: SampleCard = {
  name: '巴特尔',
  sex: '男',
  ethnicity: '蒙古',
  birthDate: '1955-07-12',
  address: '内蒙古自治区锡林郭勒盟阿巴嘎旗别力古台镇巴彦图嘎嘎查',
  idNumber: '152502195507120018',
  issuer: '阿巴嘎旗公安局',
  validFrom: '2010-03-01',
  validTo: '长期',
};

/** A card whose number's check digit is wrong (the last digit should be 9): reported, not trusted. */
export const liJianguoBadCheckDigit: SampleCard = {
  name: '李建国',
  sex: '男',
  ethnicity: '汉',
  birthDate: '1978-02-28',
  address: '贵州省贵阳市南明区花果园街道',
  idNumber: '520101197802280031',
  issuer: '贵阳市公安局南明分局',
  validFrom: '2008-05-10',
  validTo: '2028-05-10',
};

export const sampleCards = { zhangXiuying, wangJie, bateer, liJianguoBadCheckDigit } as const;
