import { describe, expect, it } from 'vitest';
import { scrollTopToShow, visibleRows } from '../../src/lib/row-window.ts';

describe('visibleRows', () => {
  it('renders the rows in view plus the overscan, never more than a screenful, whatever the total', () => {
    const window = visibleRows(5600, 448, 56, 100_000, 6);
    expect(window).toEqual({ start: 94, end: 115 });
    expect(window.end - window.start).toBeLessThan(100);
  });

  it('stays within the list at both ends', () => {
    expect(visibleRows(0, 448, 56, 100_000, 6)).toEqual({ start: 0, end: 15 });
    expect(visibleRows(56 * 9_995, 448, 56, 10_000, 6)).toEqual({ start: 9_989, end: 10_000 });
    expect(visibleRows(-40, 448, 56, 3, 6)).toEqual({ start: 0, end: 3 });
    expect(visibleRows(0, 448, 56, 0, 6)).toEqual({ start: 0, end: 0 });
  });

  it('renders nothing past a list that became shorter than the scroll position', () => {
    const { start, end } = visibleRows(56 * 5_000, 448, 56, 10, 6);
    expect(start).toBeLessThanOrEqual(end);
    expect(end).toBeLessThanOrEqual(10);
  });
});

describe('scrollTopToShow', () => {
  it('keeps the scroll position when the row is already in view', () => {
    expect(scrollTopToShow(3, 0, 448, 56)).toBe(0);
  });

  it('scrolls up to a row above the view, aligning it to the top', () => {
    expect(scrollTopToShow(10, 1000, 448, 56)).toBe(560);
  });

  it('scrolls down to a row below the view, aligning it to the bottom', () => {
    expect(scrollTopToShow(100, 0, 448, 56)).toBe(101 * 56 - 448);
  });
});
