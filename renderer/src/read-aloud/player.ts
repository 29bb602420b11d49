// Plays prompts rendered by the station (WAV, base64) through an <audio>
// element. Only one prompt plays at a time: a new prompt, a key press or the
// resident starting to speak stops the current one (barge-in).
//
// Each clip says how it ended. "Listen once the question has been said" must
// mean said to its end: a prompt cut short by the next one is not a question
// the resident has heard, and listening then would run over the next prompt.

/** How a clip ended: played to its end, stopped (or replaced by the next clip), or could not play at all. */
export type ClipEnd = 'ended' | 'stopped' | 'failed';

export interface Clip {
  /** Whether playing started. */
  readonly started: Promise<boolean>;
  /** Resolves once, when the clip is over. */
  readonly over: Promise<ClipEnd>;
}

export interface PromptPlayer {
  play(wavBase64: string): Clip;
  stop(): void;
  readonly playing: boolean;
  onChange(cb: (playing: boolean) => void): () => void;
}

/** The browser parts the player uses; tests pass their own. */
export interface AudioPlatform {
  objectUrl(wav: Uint8Array<ArrayBuffer>): string;
  revokeUrl(url: string): void;
  audio(url: string): Pick<HTMLAudioElement, 'play' | 'pause' | 'onended'>;
}

const browserAudio: AudioPlatform = {
  objectUrl: (wav) => URL.createObjectURL(new Blob([wav], { type: 'audio/wav' })),
  revokeUrl: (url) => URL.revokeObjectURL(url),
  audio: (url) => new Audio(url),
};

export function createPromptPlayer(platform: AudioPlatform = browserAudio): PromptPlayer {
  let current: { el: ReturnType<AudioPlatform['audio']>; url: string; finish(how: ClipEnd): void } | null = null;
  let playing = false;
  const listeners = new Set<(p: boolean) => void>();
  const set = (p: boolean) => {
    if (p === playing) return;
    playing = p;
    for (const l of listeners) l(p);
  };
  /** Ends the current clip (if any) the way given; true if there was one. */
  const release = (how: ClipEnd): boolean => {
    const c = current;
    if (!c) return false;
    current = null;
    c.el.onended = null;
    c.el.pause();
    platform.revokeUrl(c.url);
    c.finish(how);
    return true;
  };
  return {
    play(wavBase64) {
      release('stopped');
      const bytes = Uint8Array.from(atob(wavBase64), (ch) => ch.charCodeAt(0));
      const url = platform.objectUrl(bytes);
      const el = platform.audio(url);
      let finish: (how: ClipEnd) => void = () => {};
      const over = new Promise<ClipEnd>((resolve) => (finish = resolve));
      const mine = { el, url, finish };
      current = mine;
      el.onended = () => {
        if (current === mine && release('ended')) set(false);
      };
      set(true);
      const started = el.play().then(
        () => true,
        () => {
          // No audio output (or autoplay refused): the text stays on screen.
          if (current === mine && release('failed')) set(false);
          return false;
        },
      );
      return { started, over };
    },
    stop() {
      if (release('stopped')) set(false);
    },
    get playing() {
      return playing;
    },
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}
