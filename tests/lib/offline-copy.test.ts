import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDateFromHttpDate, pageFileForPath } from '../../src/lib/offline-copy.ts';

describe('isoDateFromHttpDate', () => {
  it('reads the UTC calendar day of an HTTP date', () => {
    expect(isoDateFromHttpDate('Tue, 24 Nov 2026 10:43:53 GMT')).toBe('2026-11-24');
    expect(isoDateFromHttpDate('Sat, 07 Apr 2018 23:59:59 GMT')).toBe('2018-04-07');
  });

  it('gives null for a missing or unreadable date', () => {
    expect(isoDateFromHttpDate(null)).toBeNull();
    expect(isoDateFromHttpDate(undefined)).toBeNull();
    expect(isoDateFromHttpDate('')).toBeNull();
    expect(isoDateFromHttpDate('yesterday')).toBeNull();
  });
});

describe('isIsoDate', () => {
  it('accepts only YYYY-MM-DD', () => {
    expect(isIsoDate('2026-11-24')).toBe(true);
    expect(isIsoDate('2026-11-24T10:00')).toBe(false);
    expect(isIsoDate('24.11.2026')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('pageFileForPath', () => {
  it('maps a folder address to its index.html, and leaves files alone', () => {
    expect(pageFileForPath('/')).toBe('/index.html');
    expect(pageFileForPath('/city/london/')).toBe('/city/london/index.html');
    expect(pageFileForPath('/maps/city/rome/')).toBe('/maps/city/rome/index.html');
    expect(pageFileForPath('/404.html')).toBe('/404.html');
  });
});
