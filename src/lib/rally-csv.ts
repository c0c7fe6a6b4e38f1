import { csvFormatRow } from 'd3-dsv';
import type { Rally } from './rally-schema.ts';
import { formatRoute } from './address.ts';

/** The CSV's columns, in order: what a spreadsheet's first row says. */
export const rallyCsvColumns = [
  'id',
  'city',
  'local name',
  'country',
  'date',
  'venue',
  'attendance',
  'latitude',
  'longitude',
  'quotes',
  'photos',
  'page',
] as const;

/**
 * One rally as a CSV row, in `rallyCsvColumns` order. What the source does
 * not report (venue, attendance, local name) is an empty cell, never a
 * guess; `page` is the city page's absolute address on `siteUrl`.
 */
export function rallyCsvRow(rally: Rally, siteUrl: string, basePath = '/'): string[] {
  return [
    rally.id,
    rally.name,
    rally.localName ?? '',
    rally.country,
    rally.date,
    rally.venue ?? '',
    rally.attendance?.text ?? '',
    String(rally.latitude),
    String(rally.longitude),
    String(rally.quotes.length),
    String(rally.photos.length),
    new URL(formatRoute({ kind: 'city', cityId: rally.id }, basePath), siteUrl).href,
  ];
}

/**
 * The rallies as CSV text (RFC 4180, written by d3-dsv): a header row, then
 * one row per rally, lines ending in CRLF as spreadsheets expect. A value
 * holding a comma, a double quote or a line break is quoted, with its
 * quotes doubled. Starts with a byte-order mark so that Excel reads UTF-8
 * ("Brasília", "München") correctly.
 */
export function rallyCsv(rallies: readonly Rally[], siteUrl: string, basePath = '/'): string {
  const rows = [[...rallyCsvColumns], ...rallies.map((rally) => rallyCsvRow(rally, siteUrl, basePath))];
  // Rows are joined here, not by d3-dsv, so that only the row ends become CRLF: a line break inside a value stays as it is.
  return `\ufeff${rows.map((row) => `${csvFormatRow(row)}\r\n`).join('')}`;
}
