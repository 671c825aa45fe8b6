// A windowed list with a fixed row height: only the rows in view (plus a few) are in the page, so 10,000
// issues scroll smoothly. Keyboard: Tab enters the list at the active row; ↑ ↓ PageUp PageDown Home End move;
// each row's own buttons (Enter/Space) act.

import * as React from 'react';
import { scrollToShow, visibleWindow } from './model';

export interface VirtualListProps<T> {
  items: T[];
  rowHeight: number;
  /** Most pixels the list takes before it scrolls. */
  maxHeight: number;
  label: string;
  className?: string;
  testId?: string;
  itemKey(item: T, index: number): string;
  /**
   * One row; put `data-focus-target` on the element that takes focus (its main button). Only the active row's
   * controls are in the Tab order (`tabIndex` 0, else -1): the arrows move between rows.
   */
  renderRow(item: T, index: number, tabIndex: 0 | -1): React.ReactNode;
}

export function VirtualList<T>({
  items,
  rowHeight,
  maxHeight,
  label,
  className,
  testId,
  itemKey,
  renderRow,
}: VirtualListProps<T>): React.JSX.Element {
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [active, setActive] = React.useState(0);
  const pendingFocus = React.useRef<number | null>(null);
  const height = Math.min(maxHeight, Math.max(rowHeight, items.length * rowHeight));
  const { start, end } = visibleWindow(scrollTop, height, rowHeight, items.length);
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  // A new list starts at its top.
  React.useEffect(() => {
    setActive(0);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [items]);

  // Focus the row a key moved to, once it is rendered.
  React.useEffect(() => {
    if (pendingFocus.current === null || !scroller.current) return;
    const el = scroller.current.querySelector<HTMLElement>(
      `[data-index="${pendingFocus.current}"] [data-focus-target]`,
    );
    if (el) {
      el.focus();
      pendingFocus.current = null;
    }
  });

  const moveTo = (index: number) => {
    const i = Math.max(0, Math.min(items.length - 1, index));
    setActive(i);
    pendingFocus.current = i;
    const el = scroller.current;
    if (el) {
      const top = scrollToShow(i, el.scrollTop, el.clientHeight, rowHeight);
      el.scrollTop = top;
      setScrollTop(top);
    }
  };

  const page = Math.max(1, Math.floor(height / rowHeight) - 1);
  const onKeyDown = (e: React.KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: items.length - 1,
    };
    if (!(e.key in moves) || items.length === 0) return;
    e.preventDefault();
    moveTo(moves[e.key]);
  };

  return (
    <div
      ref={scroller}
      className={className}
      style={{ height, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const row = (e.target as HTMLElement).closest('[data-index]');
        if (row) setActive(Number(row.getAttribute('data-index')));
      }}
      data-testid={testId}
      data-count={items.length}
    >
      <div role="list" aria-label={label} style={{ height: items.length * rowHeight, position: 'relative' }}>
        {items.slice(start, end).map((item, n) => {
          const index = start + n;
          return (
            <div
              key={itemKey(item, index)}
              role="listitem"
              aria-setsize={items.length}
              aria-posinset={index + 1}
              data-index={index}
              data-active={index === activeIndex ? 'true' : undefined}
              style={{ position: 'absolute', top: index * rowHeight, left: 0, right: 0, height: rowHeight }}
            >
              {renderRow(item, index, index === activeIndex ? 0 : -1)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
