// A call for help as the desk words it: both reasons, the service title (or the
// home screen), minutes since the first call with the local clock time, and how
// often the resident called.
import { describe, expect, it } from 'vitest';
import { helpRequestWords } from '../../../renderer/src/specialist/help-words.js';
import type { HelpRequest } from '../../../common/domain/help.js';

// 08:05 in the station's time zone (Asia/Shanghai, the default): the desk shows station clock times, not the machine's.
const opened = new Date('2026-11-22T00:05:00Z');
const base: HelpRequest = { id: 'req-1', reasons: ['voice-failed-twice'], serviceId: null, openedAt: opened.toISOString(), lastAskedAt: opened.toISOString(), times: 1, who: null, where: { kind: 'kiosk', station: '白水村便民服务站' }, acknowledged: null };
const titles = (id: string) => ({ 'pension-certification': '养老资格认证' })[id] ?? id;
const after = (ms: number) => new Date(opened.getTime() + ms);

describe('help request words on the desk', () => {
  it('says a voice call from the home screen just happened', () => {
    expect(helpRequestWords(base, after(20_000), titles)).toEqual({
      who: '没插身份证的居民',
      place: '在本站自助机（白水村便民服务站）',
      answered: null,
      what: '语音两次没听懂',
      where: '在办：首页（还没选要办的事）',
      since: '刚刚叫的（08:05）',
      times: null,
      callBack: null,
    });
  });

  it('names the service, both reasons, the minutes waited and the number of calls', () => {
    const r: HelpRequest = { ...base, reasons: ['voice-failed-twice', 'asked'], serviceId: 'pension-certification', times: 3 };
    expect(helpRequestWords(r, after(7 * 60_000 + 59_000), titles)).toEqual({
      who: '没插身份证的居民',
      place: '在本站自助机（白水村便民服务站）',
      answered: null,
      what: '语音两次没听懂；居民按了（或说了）叫人',
      where: '在办：养老资格认证',
      since: '7 分钟前叫的（08:05）',
      times: '一共叫了 3 次',
      callBack: null,
    });
  });

  it('says who (masked), from a TV at home, and who answered', () => {
    const r: HelpRequest = { ...base, who: { name: '张**', idNumber: '1101**********0028' }, acknowledged: { by: '李敏', at: after(60_000).toISOString() } };
    const w = helpRequestWords(r, after(90_000), titles);
    expect(w.who).toBe('张**（1101**********0028）');
    expect(w.answered).toBe('李敏 已回应（08:06）');
    const tv = helpRequestWords({ ...base, where: { kind: 'tv', box: 'tv-zhang' } }, after(0), titles);
    expect(tv.who).toBe('家里电视上的居民');
    expect(tv.place).toContain('tv-zhang');
    // A TV's call: the phone to ring back, grouped as it is dialled, or that nobody knows it yet.
    expect(tv.callBack).toBe('不知道电话：家里还没有在电视上输入身份证号和短信验证码');
    expect(helpRequestWords({ ...base, where: { kind: 'tv', box: 'tv-zhang' }, callBack: '13812345678' }, after(0), titles).callBack).toBe('请打电话：138 1234 5678');
  });

  it('never shows a negative age when the desk clock is a little behind the station', () => {
    expect(helpRequestWords({ ...base, reasons: ['asked'] }, after(-5_000), titles).since).toBe('刚刚叫的（08:05）');
  });
});
