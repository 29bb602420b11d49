// A call for help that comes in is heard at the desk, not only seen: the
// specialist's tablet may lie on a table while they help someone else in the
// room. Three short tones from the page itself (Web Audio), because a desk device
// may not use the station's speech (a resident's channel); a page where the
// specialist has pressed keys (the PIN) may play sound. Where there is no audio
// output, the 求助 tab and section still show the call.
let audio: AudioContext | null = null;

/** The tones, spaced so that they are not taken for a key click: 0.3 s apart, each a quarter second. */
const TONES = [880, 660, 880];

export function chimeForCall(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const t0 = audio.currentTime + 0.05;
    TONES.forEach((hz, i) => {
      const at = t0 + i * 0.3;
      const osc = audio!.createOscillator();
      const gain = audio!.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      osc.connect(gain).connect(audio!.destination);
      osc.start(at);
      osc.stop(at + 0.3);
    });
  } catch {
    // No audio here: seen, not heard.
  }
}
