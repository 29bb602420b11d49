// "Everything reachable with a D-pad", checked the way a remote user would find
// out: every control of the screen (or of the open dialog) is focused in turn,
// each arrow is pressed, and where focus lands is recorded. The result is the
// screen's arrow graph; a control no path of arrows leads to from the screen's
// first focus is one a remote user can never press.
import type { Page } from 'playwright-core';
import { FOCUSABLE, MODAL_SCOPE } from '../../renderer/src/focus/useSpatialNavigation.js';

const ARROWS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'] as const;

export interface ArrowGraph {
  /** Each control, described by its data attributes or its text. */
  readonly controls: readonly string[];
  /** edges[i][k]: where ARROWS[k] from control i lands (i itself when nothing lies that way). */
  readonly edges: readonly (readonly number[])[];
  /** Index of the control focused when the screen appeared. */
  readonly start: number;
}

/** Builds the arrow graph of the current screen with real key presses; focus is put back where it was. */
export async function arrowGraph(page: Page): Promise<ArrowGraph> {
  // The app's own definitions of a control and of a dialog, so the walk sees what the arrows see.
  const { controls, start } = await page.evaluate(({ focusable, modal }) => {
    const scopes = document.querySelectorAll(modal);
    const scope: ParentNode = scopes.length ? scopes[scopes.length - 1]! : document;
    const els = [...scope.querySelectorAll<HTMLElement>(focusable)].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    });
    els.forEach((el, i) => el.setAttribute('data-reach', String(i)));
    const name = (el: HTMLElement) => {
      const attr = [...el.attributes].find((a) => a.name.startsWith('data-') && a.name !== 'data-reach' && a.name !== 'data-autofocus');
      return `${attr ? `${attr.name}=${attr.value} ` : ''}「${el.innerText.trim().replace(/\s+/g, ' ').slice(0, 20)}」`;
    };
    return { controls: els.map(name), start: els.indexOf(document.activeElement as HTMLElement) };
  }, { focusable: FOCUSABLE, modal: MODAL_SCOPE });
  const at = () => page.evaluate(() => Number(document.activeElement?.getAttribute('data-reach') ?? -1));
  const edges: number[][] = [];
  for (let i = 0; i < controls.length; i++) {
    const row: number[] = [];
    for (const key of ARROWS) {
      await page.evaluate((n) => (document.querySelector(`[data-reach="${n}"]`) as HTMLElement).focus(), i);
      await page.keyboard.press(key);
      row.push(await at());
    }
    edges.push(row);
  }
  if (start >= 0) await page.evaluate((n) => (document.querySelector(`[data-reach="${n}"]`) as HTMLElement).focus(), start);
  return { controls, edges, start };
}

/** The controls no sequence of arrows reaches from `from` (the screen's first focus by default). */
export function unreachable(g: ArrowGraph, from = g.start): string[] {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    for (const next of g.edges[queue.shift()!]!) {
      if (next < 0 || seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return g.controls.filter((_, i) => !seen.has(i));
}

/** Controls from which some other control cannot be reached: a place a remote user gets stuck in. */
export function trapsIn(g: ArrowGraph): string[] {
  return g.controls.filter((_, i) => unreachable(g, i).length > 0);
}
