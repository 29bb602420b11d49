// Vitest setup file: pinyin-pro behind common/text/pinyin.ts, as the station
// installs it, so that tests of common/ code (matching by sound) may use words
// outside the app's pinyin table ('色保', a test's own phrases).
import { installPinyinEngine } from '../../speech/pinyin-engine.js';

installPinyinEngine();
