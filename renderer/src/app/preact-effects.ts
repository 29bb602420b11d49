// The renderer runs on Preact (renderer/react-on-preact.ts says why), and this is
// the one module of the page that depends on it. Preact runs useEffect callbacks after the next
// animation frame (or 35 ms); React runs those of a render caused by a key or a
// click before the browser handles the next event, and every pending one before
// it renders again. The screens rely on that: a screen's Back handler, its voice
// commands and its listeners are offered from effects, and a resident's (or a
// test's) next key must find them, whatever a busy box does with frames. So the
// effects run in a microtask after the render that scheduled them: before the
// frame is painted and before any next event.
import { options } from 'preact';

options.requestAnimationFrame = (flush: () => void) => queueMicrotask(flush);
