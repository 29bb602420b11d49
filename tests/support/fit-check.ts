// Does the current screen fit? At 1920×1080 a resident must see the question,
// the answers and the primary action without scrolling, and the header and the
// footer never leave the screen; on a TV all of it inside the 5 % overscan-safe
// area. Measured in the real browser: the document must not scroll, and every
// focusable control, the title and the footer must lie wholly inside the area
// and not be cut off by a box that clips its content (a region that scrolls
// inside the page hides a control as surely as the page scrolling does).
import type { Page } from 'playwright-core';

export type TextSizeName = 'standard' | 'large' | 'xlarge';
export const TEXT_SIZES: readonly TextSizeName[] = ['standard', 'large', 'xlarge'];

/** What does not fit on the current screen, one plain line per problem; empty when it all fits. */
export function fitProblems(page: Page, opts: { safeMargin: number }): Promise<string[]> {
  return page.evaluate((margin) => {
    const out: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const area = { left: vw * margin, top: vh * margin, right: vw * (1 - margin), bottom: vh * (1 - margin) };
    const slack = 1; // sub-pixel rounding
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollHeight > doc.clientHeight + slack) out.push(`the page scrolls: ${doc.scrollHeight - doc.clientHeight} px taller than the screen`);
    if (doc.scrollWidth > doc.clientWidth + slack) out.push(`the page scrolls sideways: ${doc.scrollWidth - doc.clientWidth} px wider than the screen`);

    const name = (el: Element): string => {
      const data = [...el.attributes].filter((a) => a.name.startsWith('data-') && a.name !== 'data-autofocus').map((a) => `[${a.name}=${a.value}]`);
      const text = ((el as HTMLElement).innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
      return `${el.tagName.toLowerCase()}${data.join('')}${text ? ` 「${text}」` : ''}`;
    };
    const shown = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false;
      const cs = getComputedStyle(el);
      return cs.visibility !== 'hidden' && cs.display !== 'none' && !el.closest('.visually-hidden');
    };
    /** Where the element is cut: by the screen area, or by an ancestor that clips its overflow. */
    const cut = (el: Element): string | null => {
      const r = el.getBoundingClientRect();
      const off: string[] = [];
      if (r.top < area.top - slack) off.push(`top ${Math.round(r.top)} < ${Math.round(area.top)}`);
      if (r.bottom > area.bottom + slack) off.push(`bottom ${Math.round(r.bottom)} > ${Math.round(area.bottom)}`);
      if (r.left < area.left - slack) off.push(`left ${Math.round(r.left)} < ${Math.round(area.left)}`);
      if (r.right > area.right + slack) off.push(`right ${Math.round(r.right)} > ${Math.round(area.right)}`);
      if (off.length) return `outside the ${margin ? 'safe area' : 'screen'} (${off.join(', ')})`;
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const c = a.getBoundingClientRect();
        if (r.top < c.top - slack || r.bottom > c.bottom + slack || r.left < c.left - slack || r.right > c.right + slack) return `cut off by ${name(a).slice(0, 40)}`;
      }
      return null;
    };
    const must = [
      ...document.querySelectorAll('h1, .top-bar, .bottom-bar, .question, [role="alert"]'),
      ...document.querySelectorAll('button:not([disabled]), input:not([type="hidden"]), select, textarea, a[href], [tabindex]:not([tabindex="-1"])'),
      // The lines a pager shows must show whole: one taller than the room would be cut by the page's box.
      ...document.querySelectorAll('.pager-lines > *'),
    ];
    for (const el of new Set(must)) {
      if (!shown(el)) continue;
      const why = cut(el);
      if (why) out.push(`${name(el)}: ${why}`);
    }
    return out;
  }, opts.safeMargin);
}

/** Sets the text size with the footer's own switch, as a resident does; no-op when already set. */
export async function setTextSize(page: Page, size: TextSizeName): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.dataset.textSize)) === size) return;
  // A click, not a key press: focus stays where the screen put it.
  await page.evaluate((s) => (document.querySelector(`[data-text-size="${s}"]`) as HTMLButtonElement).click(), size);
  await page.waitForFunction((s) => document.documentElement.dataset.textSize === s, size);
  // Let the layout settle (a pager recounts what fits) before anything is measured.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
