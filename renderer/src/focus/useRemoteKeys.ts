// Keys from HID remotes arrive from the station (remote:keys), not as browser
// key events. Turn them into the same actions: arrows and Back/Home go through
// the one key handler (as synthetic key events), OK clicks the focused control
// (synthetic events have no default action), digits type into keypads, and the
// Voice key is push-to-talk.
import { useEffect } from 'react';
import type { RemoteKeyEvent } from '../../../common/ipc/channels/devices.js';
import { useApi } from '../api/ApiContext.js';

const KEY_NAMES: Partial<Record<RemoteKeyEvent['key'], string>> = {
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  back: 'Escape',
  home: 'Home',
  backspace: 'Backspace',
};

export function useRemoteKeys(opts: { onVoice(down: boolean): void }): void {
  const api = useApi();
  const { onVoice } = opts;
  useEffect(
    () =>
      api.subscribe('remote:keys', {}, (e) => {
        if (e.key === 'voice') return onVoice(e.action === 'down');
        if (e.action !== 'down') return;
        if (e.key === 'ok') {
          (document.activeElement as HTMLElement | null)?.click();
          return;
        }
        const digit = /^digit-(\d)$/.exec(e.key)?.[1];
        const key = digit ?? KEY_NAMES[e.key];
        if (key) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }),
    [api, onVoice],
  );
}
