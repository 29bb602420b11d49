// Voice interaction for the renderer: microphone capture (AudioWorklet, 16 kHz),
// the recognition session over the typed API, and the React hook screens use.
export { useVoice, type Voice, type VoiceState, type UseVoiceOptions } from './useVoice.js';
export { VoiceSession, VoiceError, type VoiceFailure } from './voice-session.js';
export { startCapture, CaptureError, type Capture } from './capture.js';
export { Resampler, TARGET_RATE, pcmToBase64 } from './resampler.js';
export { reprompt, afterTwoMisses, askAgain, createMissReplies, type Line, type MissHelp, type MissReplies } from './reprompts.js';
