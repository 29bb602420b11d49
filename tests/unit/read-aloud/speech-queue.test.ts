// One speech queue with priorities (issue 19, item 17): the 您还在吗 warning was
// spoken over, and cut by, another announcement, because the newest line always
// won. A warning must not be cut by a question, nor a question by a greeting;
// a lower line asked meanwhile is not said (nor kept to play over the kiosk's
// listening later). The station's synthesizer and the <audio> element are
// stood in for by controllable fakes.
import { describe, expect, it } from 'vitest';
import { createSpeechQueue, type QueuePlatform } from '../../../renderer/src/read-aloud/speech-queue.js';
import type { ClipEnd } from '../../../renderer/src/read-aloud/player.js';

function fakePlatform() {
  const clips: { wav: string; end(how: ClipEnd): void }[] = [];
  let current: { end(how: ClipEnd): void } | null = null;
  const log: string[] = [];
  const p: QueuePlatform = {
    render: async (text) => (text.startsWith('!') ? null : `wav:${text}`),
    play: (wav) => {
      current?.end('stopped');
      let finish!: (how: ClipEnd) => void;
      const over = new Promise<ClipEnd>((r) => (finish = r));
      let done = false;
      const clip = {
        wav,
        end: (how: ClipEnd) => {
          if (done) return;
          done = true;
          if (current === clip) current = null;
          finish(how);
        },
      };
      current = clip;
      clips.push(clip);
      log.push(wav.slice(4));
      return { started: Promise.resolve(true), over };
    },
    stopPlayer: () => current?.end('stopped'),
  };
  return { p, clips, log, playing: () => current };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('speech queue with priorities', () => {
  it('a question asked during the warning does not cut it, and is not said', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    const warning = q.say('您还在吗', 'urgent');
    await settle();
    const question = q.say('请问您要办什么', 'normal');
    expect(await question.over).toBe('cut');
    expect(await question.started).toBe(false);
    expect(q.current).toBe('urgent');
    f.playing()!.end('ended');
    expect(await warning.over).toBe('said');
    await settle();
    expect(f.log).toEqual(['您还在吗']);
  });

  it('the warning cuts a question that is playing', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    const question = q.say('请问您要办什么');
    await settle();
    const warning = q.say('您还在吗', 'urgent');
    expect(await question.over).toBe('cut');
    await settle();
    expect(f.log).toEqual(['请问您要办什么', '您还在吗']);
    f.playing()!.end('ended');
    expect(await warning.over).toBe('said');
  });

  it('a greeting never cuts a question; a question cuts a greeting', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    q.say('请放身份证');
    await settle();
    expect(await q.say('您好', 'ambient').over).toBe('cut');
    f.playing()!.end('ended');
    await settle();
    const greeting = q.say('您好', 'ambient');
    await settle();
    const question = q.say('请问您要办什么');
    expect(await greeting.over).toBe('cut');
    await settle();
    f.playing()!.end('ended');
    expect(await question.over).toBe('said');
    expect(f.log).toEqual(['请放身份证', '您好', '请问您要办什么']);
  });

  it('a line of the same priority replaces the one playing (barge-in by the next question)', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    const a = q.say('第一个问题');
    await settle();
    const b = q.say('第二个问题');
    expect(await a.over).toBe('cut');
    await settle();
    f.playing()!.end('ended');
    expect(await b.over).toBe('said');
    expect(f.log).toEqual(['第一个问题', '第二个问题']);
  });

  it('a line cancelled by whoever asked for it ends, and a newer line is untouched by a stale cancel', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    const warning = q.say('您还在吗', 'urgent');
    await settle();
    warning.cancel(); // the warning's dialog closed
    expect(await warning.over).toBe('cut');
    expect(f.playing()).toBeNull();
    expect(q.current).toBeNull();
    const question = q.say('请问您要办什么');
    await settle();
    warning.cancel();
    expect(q.current).toBe('normal');
    f.playing()!.end('ended');
    expect(await question.over).toBe('said');
  });

  it('stop() cuts whatever plays', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    const warning = q.say('您还在吗', 'urgent');
    await settle();
    q.stop();
    expect(await warning.over).toBe('cut');
    expect(f.playing()).toBeNull();
    expect(q.current).toBeNull();
  });

  it('a line cut while it is being rendered never plays; one that cannot be rendered leaves the floor free', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    const a = q.say('第一个');
    const b = q.say('第二个'); // before the first was rendered
    expect(await a.over).toBe('cut');
    await settle();
    expect(f.log).toEqual(['第二个']);
    f.playing()!.end('ended');
    await b.over;
    const warning = q.say('!不能合成', 'urgent');
    expect(await warning.over).toBe('unplayed');
    const after = q.say('之后');
    await settle();
    f.playing()!.end('ended');
    expect(await after.over).toBe('said');
    expect(f.log).toEqual(['第二个', '之后']);
  });

  it('counts as played only lines that reached the player and were not cut', async () => {
    const f = fakePlatform();
    const q = createSpeechQueue(f.p);
    const played: string[] = [];
    q.onPlayed((how) => played.push(how));
    q.say('一');
    await settle();
    q.say('二'); // cuts 一
    await settle();
    f.playing()!.end('failed'); // no audio output: the question still counts as asked
    await settle();
    expect(played).toEqual(['failed']);
  });
});
