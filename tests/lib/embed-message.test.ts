import { describe, expect, it } from 'vitest';
import { embedHeightMessages, readHeightMessage } from '../../src/lib/embed-message.ts';

describe('readHeightMessage', () => {
  it('accepts a height message within 200 to 4000 px, rounded up', () => {
    expect(readHeightMessage({ type: 'rally-map:height', height: 812 })).toBe(812);
    expect(readHeightMessage({ type: 'rally-map:height', height: 812.2 })).toBe(813);
    expect(readHeightMessage({ type: 'rally-map:height', height: 200 })).toBe(200);
    expect(readHeightMessage({ type: 'rally-map:height', height: 4000 })).toBe(4000);
  });

  it.each([
    ['a huge height', { type: 'rally-map:height', height: 99999 }],
    ['a negative height', { type: 'rally-map:height', height: -10 }],
    ['a height below the floor', { type: 'rally-map:height', height: 199 }],
    ['NaN', { type: 'rally-map:height', height: Number.NaN }],
    ['Infinity', { type: 'rally-map:height', height: Infinity }],
    ['a string', { type: 'rally-map:height', height: '800' }],
    ['null', { type: 'rally-map:height', height: null }],
    ['another type', { type: 'resize', height: 800 }],
    ['no type', { height: 800 }],
    ['a Pym string', 'pymxPYMxchildxPYMxheightxPYMx800'],
    ['null data', null],
    ['a number', 800],
  ])('refuses %s', (_name, data) => {
    expect(readHeightMessage(data)).toBeNull();
  });

  it('reads only the height, never a URL that rides along', () => {
    expect(readHeightMessage({ type: 'rally-map:height', height: 800, navigateTo: 'javascript:alert(1)' })).toBe(800);
  });
});

describe('embedHeightMessages', () => {
  it('speaks rally-map, AMP and Datawrapper, rounded up', () => {
    expect(embedHeightMessages(700.4, 'rally-map-london', null)).toEqual([
      { type: 'rally-map:height', height: 701 },
      { sentinel: 'amp', type: 'embed-size', height: 701 },
      { 'datawrapper-height': { 'rally-map-london': 701 } },
    ]);
  });

  it('adds a Pym.js message when the host gave a child id', () => {
    expect(embedHeightMessages(700, 'rally-map-all', 'map-1').at(-1)).toBe('pymxPYMxmap-1xPYMxheightxPYMx700');
  });

  it('produces a message that readHeightMessage accepts', () => {
    const [own] = embedHeightMessages(950, 'x', null);
    expect(readHeightMessage(own)).toBe(950);
  });
});
