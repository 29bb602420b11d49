import { describe, expect, it } from 'vitest';
import { pickNext, type Box } from '../../../renderer/src/focus/spatial.js';
import { navKeyOf } from '../../../renderer/src/focus/keymap.js';

const box = (left: number, top: number, w = 100, h = 100): Box => ({ left, top, right: left + w, bottom: top + h });

// A 3 × 2 grid of tiles, 20 px apart, and a wide button below it.
const grid = [box(0, 0), box(120, 0), box(240, 0), box(0, 120), box(120, 120), box(240, 120), box(0, 260, 340, 100)];

describe('spatial navigation', () => {
  it('moves to the neighbour in each direction', () => {
    expect(pickNext(grid[0]!, grid, 'right')).toBe(1);
    expect(pickNext(grid[1]!, grid, 'down')).toBe(4);
    expect(pickNext(grid[4]!, grid, 'left')).toBe(3);
    expect(pickNext(grid[4]!, grid, 'up')).toBe(1);
  });

  it('prefers the aligned neighbour over a nearer diagonal one', () => {
    const from = box(0, 0);
    const diagonalNear = box(110, 110);
    const alignedFar = box(300, 0);
    expect(pickNext(from, [diagonalNear, alignedFar], 'right')).toBe(1);
  });

  it('returns -1 at the edge', () => {
    expect(pickNext(grid[2]!, grid, 'right')).toBe(-1);
    expect(pickNext(grid[0]!, grid, 'up')).toBe(-1);
  });

  it('reaches a wide control below the grid from any column', () => {
    for (const i of [3, 4, 5]) expect(pickNext(grid[i]!, grid, 'down')).toBe(6);
  });
});

describe('key map', () => {
  it('maps arrows, Enter and every Back code', () => {
    expect(navKeyOf({ key: 'ArrowUp' })).toBe('up');
    expect(navKeyOf({ key: 'Enter' })).toBe('ok');
    expect(navKeyOf({ key: 'Escape' })).toBe('back');
    expect(navKeyOf({ key: 'Backspace' })).toBe('back');
    expect(navKeyOf({ key: 'Unidentified', keyCode: 461 })).toBe('back');
    expect(navKeyOf({ key: 'XF86Back', keyCode: 10009 })).toBe('back');
    expect(navKeyOf({ key: 'a' })).toBeNull();
  });

  it('leaves Backspace and left/right to text fields', () => {
    const input = { tagName: 'INPUT' } as unknown as EventTarget;
    expect(navKeyOf({ key: 'Backspace', target: input })).toBeNull();
    expect(navKeyOf({ key: 'ArrowLeft', target: input })).toBeNull();
    expect(navKeyOf({ key: 'ArrowDown', target: input })).toBe('down');
  });
});
