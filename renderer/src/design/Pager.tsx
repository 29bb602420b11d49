// Long content (a list of applications, a record, a certificate, a list of
// questions) in pages that fit the screen, turned with big 上一页 / 下一页 buttons
// (≥ 96 px, reachable with the D-pad, and what a turned page shows is said
// aloud). How many lines fit is measured, not guessed: the pager fills the room
// its screen leaves it (a flex region, see .pager in global.css) and shows as
// many whole lines as fit there, so at 特大 a page simply holds fewer lines. The
// page is counted again when the text size changes.
import { createElement, useEffect, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { Button } from './Button.js';
import { useTextSize } from './TextSizeContext.js';
import { useReadAloud } from '../read-aloud/ReadAloudContext.js';
import { t } from '../i18n/zh-CN.js';

export interface PagerProps {
  /** The lines, each a keyed element of the right kind for `as` (li for ul, div for dl rows, p in a sheet). */
  items: readonly ReactElement[];
  /** The element that holds the lines (default ul). */
  as?: 'ul' | 'ol' | 'dl' | 'div' | 'article';
  className?: string;
  /** Shown at the top of every page, inside the list element (a certificate's title). */
  head?: ReactNode;
  /** Attributes of the list element: aria-label, data-testid, aria-live. */
  listProps?: Record<string, string | undefined>;
  /** The screen's own buttons (办完了), on the pager's row at its right end, so paging costs no extra row. */
  actions?: ReactNode;
}

export function Pager({ items, as = 'ul', className, head, listProps, actions }: PagerProps) {
  const { size } = useTextSize();
  const { speak } = useReadAloud();
  const list = useRef<HTMLElement>(null);
  /** The first line of each page before this one (上一页 goes back to exactly that page). */
  const [starts, setStarts] = useState<number[]>([]);
  const [start, setStart] = useState(0);
  /** Lines on this page; null while they are being counted (all the rest are laid out to measure). */
  const [count, setCount] = useState<number | null>(null);
  const turned = useRef(false);
  const bar = useRef<HTMLDivElement>(null);

  // A new text size or another list: count again from the first page.
  useLayoutEffect(() => {
    setStarts([]);
    setStart(0);
    setCount(null);
  }, [size, items.length]);

  // The room changes when something above or below appears (a notice, a second status line): count
  // this page again. The pager's own box is watched, not the list's: the list's height follows what
  // it shows, so watching it would count for ever.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    let height = el.getBoundingClientRect().height;
    const ro = new ResizeObserver(() => {
      const now = el.getBoundingClientRect().height;
      if (Math.abs(now - height) < 1) return;
      height = now;
      setCount(null);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const rest = Math.max(items.length - start, 0);
  const shown = Math.min(count ?? rest, rest);

  // Keep the lines whose bottom edge is inside the list's box; at least one, so a line taller than
  // the room still shows (the page check in the tests would say so). Runs before paint, until stable.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const bottom = el.getBoundingClientRect().bottom - parseFloat(getComputedStyle(el).paddingBottom);
    const lines = [...el.children].slice(head ? 1 : 0);
    let fit = 0;
    for (const line of lines) {
      if (line.getBoundingClientRect().bottom > bottom + 1) break;
      fit++;
    }
    if (Math.max(fit, 1) < shown) setCount(Math.max(fit, 1));
    else if (count === null) setCount(shown);
  });

  const where = t.pager.where(start + 1, start + shown, items.length);
  // A page turned by the resident is said: the line count, then what it shows.
  useEffect(() => {
    if (!turned.current || count === null) return;
    turned.current = false;
    // On the first or the last page one button is disabled: if it had focus, the other takes it, so the D-pad is never left nowhere.
    const active = document.activeElement as HTMLButtonElement | null;
    if (!active || active === document.body || active.disabled) bar.current?.querySelector<HTMLButtonElement>('.pager-turn button:not([disabled])')?.focus();
    void speak(`${where}。${(list.current?.innerText ?? '').replace(/\s*\n\s*/g, '。')}`);
  }, [count, start, where, speak]);

  const paged = start > 0 || shown < rest;
  const go = (next: number, back: number[]) => {
    turned.current = true;
    setStarts(back);
    setStart(next);
    setCount(null);
  };
  return (
    <div ref={box} className="pager">
      {createElement(
        as,
        { ref: list, className: `pager-lines${className ? ` ${className}` : ''}`, 'data-page-start': start, ...listProps },
        head,
        items.slice(start, start + shown),
      )}
      {paged || actions ? (
        <div ref={bar} className="pager-bar">
          {paged ? (
            <div className="pager-turn" role="group" aria-label={where}>
              <Button icon={<span aria-hidden="true">◀</span>} disabled={start === 0} onClick={() => go(starts[starts.length - 1] ?? 0, starts.slice(0, -1))} data-action="page-prev">
                {t.pager.prev}
              </Button>
              <span className="pager-where" aria-live="polite" data-testid="pager-where">
                {where}
              </span>
              <Button icon={<span aria-hidden="true">▶</span>} disabled={start + shown >= items.length} onClick={() => go(start + shown, [...starts, start])} data-action="page-next">
                {t.pager.next}
              </Button>
            </div>
          ) : null}
          {actions ? <div className="pager-actions">{actions}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
