// What the resident hears after voice failed: asking again in other words after
// one miss, and after two what works instead — which depends on where they are
// and on whether the call for the specialist actually reached the desk.
import { describe, expect, it } from 'vitest';
import { afterTwoMisses, createMissReplies, reprompt, type MissHelp } from '../../../renderer/src/voice/reprompts.js';
import { t } from '../../../renderer/src/i18n/zh-CN.js';

const kioskCalled: MissHelp = { uiMode: 'kiosk', helpCalled: true };
const kioskNotCalled: MissHelp = { uiMode: 'kiosk', helpCalled: false };
const tv: MissHelp = { uiMode: 'tv', helpCalled: false };

describe('after two misses', () => {
  it('kiosk, call accepted: the big buttons, and a staff member is being called (no promise before one answers)', () => {
    const line = afterTwoMisses(kioskCalled);
    expect(line.say).toBe(line.text);
    expect(line.text).toContain('屏幕上的大按钮');
    expect(line.text).toContain('正在呼叫工作人员');
    expect(line.text).not.toContain('马上到');
    // The query screens show the same words when useListen's call went through.
    expect(line.text).toBe(t.voice.useButtons);
  });

  it('kiosk, call failed: the buttons and the counter, with no promise that anyone was called', () => {
    const line = afterTwoMisses(kioskNotCalled);
    expect(line.text).toContain('屏幕上的大按钮');
    expect(line.text).toContain('窗口找工作人员');
    expect(line.text).not.toMatch(/请工作人员过来|马上过来|已经/);
  });

  it('TV: the remote (方向键 to move, 确定 to choose), the 12345 hotline or the family — never staff', () => {
    const line = afterTwoMisses(tv);
    for (const words of [line.text, line.say]) {
      expect(words).toContain('遥控器');
      expect(words).toContain('方向键');
      expect(words).toContain('“确定”键');
      expect(words).toContain('政务服务便民热线');
      expect(words).toContain('家里人');
      expect(words).not.toContain('工作人员');
      expect(words).not.toContain('屏幕上的大按钮');
    }
    // Shown as the number people dial, read digit by digit (not 一万二千…).
    expect(line.text).toContain('12345');
    expect(line.say).toContain('幺二三四五');
    expect(line.say).not.toMatch(/\d/);
    // On a TV the call is never made, so whatever it reports does not change the words.
    expect(afterTwoMisses({ uiMode: 'tv', helpCalled: true })).toEqual(line);
  });

  it('reprompt gives the same line from the second miss on, whatever the step', () => {
    for (const kind of ['home', 'confirm', 'digits', 'quantity', 'choice'] as const) {
      for (const help of [kioskCalled, kioskNotCalled, tv]) {
        expect(reprompt(kind, 2, { help })).toEqual(afterTwoMisses(help));
        expect(reprompt(kind, 3, { help })).toEqual(afterTwoMisses(help));
      }
    }
  });
});

describe('after one miss', () => {
  it('nothing heard at all is not 我没听清: the line says nothing was heard, and asks the same', () => {
    for (const kind of ['home', 'confirm', 'digits', 'quantity', 'choice'] as const) {
      const misheard = reprompt(kind, 1, { help: tv, options: ['只给自己'] });
      const silent = reprompt(kind, 1, { help: tv, options: ['只给自己'], noInput: true });
      expect(misheard.say).toMatch(/^我没听清/);
      expect(silent.say).toMatch(/^我没听到您说话。/);
      expect(silent.say.slice('我没听到您说话。'.length)).toBe(misheard.say.slice('我没听清。'.length));
    }
    expect(reprompt('choice', 1, { help: tv, noInput: true }).say).toBe('我没听到您说话。请再说一遍。');
    // After two it is what works instead, whatever happened.
    expect(reprompt('home', 2, { help: tv, noInput: true })).toEqual(afterTwoMisses(tv));
  });

  it('asks again in the words of the step, from the catalogue, the same in every mode', () => {
    for (const help of [kioskCalled, kioskNotCalled, tv]) {
      expect(reprompt('confirm', 1, { help }).say).toBe(t.voice.again.confirm);
      expect(reprompt('digits', 1, { help }).say).toBe(t.voice.again.digits);
      expect(reprompt('quantity', 1, { help }).say).toBe(t.voice.again.quantity);
      expect(reprompt('choice', 1, { help }).say).toBe(t.voice.again.plain);
    }
    expect(reprompt('home', 1, { help: tv, services: ['policy-qa'] }).say).toMatch(/^我没听清。您可以说：\S+。$/);
    expect(reprompt('home', 1, { help: tv }).say.split('：')[1]!.split('、')).toHaveLength(3);
    const choice = reprompt('choice', 1, { help: kioskCalled, options: ['社保卡', '别的银行卡', 'c', 'd', 'e'] });
    expect(choice.say).toBe('我没听清。您可以说：社保卡、别的银行卡、c、d，或者说“第一个”。');
    expect(choice.text).toBe(choice.say);
  });
});

describe('a screen’s run of misses (what useScreenVoice says)', () => {
  /** A call for help the test answers when it likes, counting the calls made. */
  function desk() {
    const calls: ((ok: boolean) => void)[] = [];
    return { calls, callForHelp: () => new Promise<boolean>((resolve) => calls.push(resolve)) };
  }

  it('kiosk: calls once, at the second miss, and waits for the answer before choosing the words', async () => {
    const d = desk();
    const misses = createMissReplies();
    const ctx = { uiMode: 'kiosk' as const, callForHelp: d.callForHelp };
    expect((await misses.reply('confirm', 1, {}, ctx)).say).toBe(t.voice.again.confirm);
    expect(d.calls).toHaveLength(0);
    let said: string | null = null;
    const second = misses.reply('confirm', 2, {}, ctx).then((l) => (said = l.say));
    await Promise.resolve();
    expect(d.calls).toHaveLength(1);
    expect(said).toBeNull(); // nothing said while the call is on its way
    d.calls[0]!(true);
    await second;
    expect(said).toBe(t.voice.afterTwoMisses.helpComing);
    // A third miss in the same run: no second call, the same words.
    expect((await misses.reply('confirm', 3, {}, ctx)).say).toBe(t.voice.afterTwoMisses.helpComing);
    expect(d.calls).toHaveLength(1);
  });

  it('kiosk, the call failed: the counter, for the rest of the run; a new run calls again', async () => {
    const d = desk();
    const misses = createMissReplies();
    const ctx = { uiMode: 'kiosk' as const, callForHelp: d.callForHelp };
    const second = misses.reply('digits', 2, {}, ctx);
    await Promise.resolve();
    d.calls[0]!(false);
    expect((await second).say).toBe(t.voice.afterTwoMisses.askCounter);
    expect((await misses.reply('digits', 3, {}, ctx)).say).toBe(t.voice.afterTwoMisses.askCounter);
    // Understood, then two new misses: a new run, a new call.
    await misses.reply('digits', 1, {}, ctx);
    const again = misses.reply('digits', 2, {}, ctx);
    await Promise.resolve();
    expect(d.calls).toHaveLength(2);
    d.calls[1]!(true);
    expect((await again).say).toBe(t.voice.afterTwoMisses.helpComing);
  });

  it('TV: never calls (nobody comes, nothing is sent), and says how to use the remote', async () => {
    const d = desk();
    const misses = createMissReplies();
    const ctx = { uiMode: 'tv' as const, callForHelp: d.callForHelp };
    await misses.reply('choice', 1, { options: ['是'] }, ctx);
    const line = await misses.reply('choice', 2, { options: ['是'] }, ctx);
    expect(d.calls).toHaveLength(0);
    expect(line).toEqual(afterTwoMisses(tv));
  });
});
