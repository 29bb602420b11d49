// Plays prompts rendered by the station (WAV, base64) through an <audio>
// element. Only one prompt plays at a time: a new prompt, a key press or the
// resident starting to speak stops the current one (barge-in).
export interface PromptPlayer {
  play(wavBase64: string): Promise<void>;
  stop(): void;
  readonly playing: boolean;
  onChange(cb: (playing: boolean) => void): () => void;
}

export function createPromptPlayer(): PromptPlayer {
  let audio: HTMLAudioElement | null = null;
  let url: string | null = null;
  let playing = false;
  const listeners = new Set<(p: boolean) => void>();
  const set = (p: boolean) => {
    playing = p;
    for (const l of listeners) l(p);
  };
  const release = () => {
    if (audio) {
      audio.onended = null;
      audio.pause();
    }
    if (url) URL.revokeObjectURL(url);
    audio = null;
    url = null;
  };
  return {
    async play(wavBase64) {
      release();
      const bytes = Uint8Array.from(atob(wavBase64), (c) => c.charCodeAt(0));
      url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
      const el = new Audio(url);
      audio = el;
      el.onended = () => {
        if (audio === el) {
          release();
          set(false);
        }
      };
      set(true);
      try {
        await el.play();
      } catch {
        // No audio output (or autoplay refused): the text stays on screen.
        if (audio === el) {
          release();
          set(false);
        }
      }
    },
    stop() {
      release();
      if (playing) set(false);
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
