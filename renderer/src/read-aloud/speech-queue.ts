// One arbiter for everything the kiosk says, with priorities. Before it, the
// newest line always cut whatever was playing: the 您还在吗 warning was cut by
// the screen beneath asking its question again, and a line that matters
// (您的信息已清除，请取走身份证) could be cut by a greeting.
//
// The rules:
//   - A line of higher priority than the one playing cuts it (the warning cuts a question).
//   - A line of the same priority replaces it (barge-in by the next question).
//   - A line of lower priority is not said at all: it ends 'cut' at once. It is
//     not kept for later either: a question held back until the warning ended
//     would play while the kiosk listens for 我要继续, and the screen asks its
//     question again anyway once the resident is back (session/resident-activity.ts).
//   - A line can be cancelled by whoever asked for it (a warning whose dialog
//     closed); stop() (a key press, the resident speaking, leaving a screen) cuts
//     whatever plays.
// Pure: ReadAloudContext gives it the station's synthesizer and the player.
import type { Clip, ClipEnd } from './player.js';

/** urgent: warnings and what the resident must not miss; normal: questions and answers; ambient: greetings. */
export type Priority = 'urgent' | 'normal' | 'ambient';

const RANK: Record<Priority, number> = { urgent: 2, normal: 1, ambient: 0 };

/** How a line ended: said to its end, cut (by stop, a newer or higher line, or its own cancel), or not played at all. */
export type LineEnd = 'said' | 'cut' | 'unplayed';

export interface QueuePlatform {
  /** Renders the text to WAV (base64); null if it cannot be rendered. */
  render(text: string): Promise<string | null>;
  play(wavBase64: string): Clip;
  stopPlayer(): void;
}

export interface Line {
  /** Whether playing started (false if it never did). */
  readonly started: Promise<boolean>;
  readonly over: Promise<LineEnd>;
  /** Ends this line if it is still being said; nothing else. */
  cancel(): void;
}

interface Entry {
  readonly priority: Priority;
  startedWith(ok: boolean): void;
  endWith(how: LineEnd): void;
  done: boolean;
}

export interface SpeechQueue {
  say(text: string, priority?: Priority): Line;
  stop(): void;
  /** The priority of the line being said now (or rendered to be said), or null. */
  readonly current: Priority | null;
  /** The text of every line as it is taken to be said, for the 朗读 button's state and tests. */
  onStart(cb: (text: string, priority: Priority) => void): () => void;
  /** A rendered line reached the player and was over without being cut: 'ended', or 'failed' (no audio output). */
  onPlayed(cb: (how: Exclude<ClipEnd, 'stopped'>) => void): () => void;
}

export function createSpeechQueue(platform: QueuePlatform): SpeechQueue {
  let playing: Entry | null = null;
  const started = new Set<(text: string, priority: Priority) => void>();
  const played = new Set<(how: Exclude<ClipEnd, 'stopped'>) => void>();

  const finish = (e: Entry, how: LineEnd) => {
    if (e.done) return;
    e.done = true;
    if (playing === e) playing = null;
    e.startedWith(false); // a no-op once it started
    e.endWith(how);
  };
  const cut = (e: Entry | null) => {
    if (!e || e.done) return;
    const wasPlaying = playing === e;
    finish(e, 'cut');
    if (wasPlaying) platform.stopPlayer();
  };

  const begin = async (e: Entry, text: string) => {
    playing = e;
    for (const l of started) l(text, e.priority);
    const wav = await platform.render(text);
    if (e.done) return; // cut while it was being rendered
    if (wav === null) return finish(e, 'unplayed');
    const clip = platform.play(wav);
    void clip.started.then((ok) => !e.done && e.startedWith(ok));
    const how: ClipEnd = await clip.over;
    if (e.done) return;
    if (how !== 'stopped') for (const l of played) l(how);
    finish(e, how === 'ended' ? 'said' : how === 'stopped' ? 'cut' : 'unplayed');
  };

  return {
    say(text, priority = 'normal') {
      let startedWith!: (ok: boolean) => void;
      let endWith!: (how: LineEnd) => void;
      const line = {
        started: new Promise<boolean>((r) => (startedWith = r)),
        over: new Promise<LineEnd>((r) => (endWith = r)),
        cancel: () => cut(e),
      };
      const e: Entry = { priority, startedWith, endWith, done: false };
      if (playing && RANK[playing.priority] > RANK[priority]) finish(e, 'cut');
      else {
        cut(playing);
        void begin(e, text);
      }
      return line;
    },
    stop() {
      cut(playing);
    },
    get current() {
      return playing?.priority ?? null;
    },
    onStart(cb) {
      started.add(cb);
      return () => started.delete(cb);
    },
    onPlayed(cb) {
      played.add(cb);
      return () => played.delete(cb);
    },
  };
}
