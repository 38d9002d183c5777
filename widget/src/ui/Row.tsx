import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface RowProps {
  children: ComponentChildren;
  /** how many cards: a new count may change whether the row overflows */
  size: number;
}

/**
 * The cards in one row that scrolls sideways (by touch, trackpad or keyboard focus), with a previous and a next
 * button over it while there is more to see that way: the scrollbar is hidden, because one that comes and goes
 * with the number of items would move the page.
 */
export function Row({ children, size }: RowProps) {
  const list = useRef<HTMLUListElement>(null);
  const [ends, setEnds] = useState({ start: true, end: true });
  const measure = () => {
    const row = list.current;
    if (!row) return;
    const scrolled = Math.abs(row.scrollLeft); // negative in right-to-left pages
    setEnds({ start: scrolled < 1, end: scrolled + row.clientWidth >= row.scrollWidth - 1 });
  };
  useLayoutEffect(() => {
    measure();
    addEventListener('resize', measure);
    return () => removeEventListener('resize', measure);
  }, [size]);
  /** scrolls one row's width towards the end (1) or the start (-1) */
  const page = (towards: 1 | -1) => {
    const row = list.current!;
    const rtl = getComputedStyle(row).direction == 'rtl';
    row.scrollBy({ left: towards * (rtl ? -1 : 1) * row.clientWidth, behavior: 'smooth' });
  };
  return (
    <div class="frame">
      <ul class="row" ref={list} onScroll={measure}>
        {children}
      </ul>
      <button type="button" class="page previous" hidden={ends.start} aria-label="Previous" onClick={() => page(-1)}>
        ‹
      </button>
      <button type="button" class="page next" hidden={ends.end} aria-label="Next" onClick={() => page(1)}>
        ›
      </button>
    </div>
  );
}
