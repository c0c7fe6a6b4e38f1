import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { rallyCsv, rallyCsvColumns, rallyCsvRow } from '../../src/lib/rally-csv.ts';
import type { Rally } from '../../src/lib/rally-schema.ts';
import { readRallyDocument } from './rally-fixtures.ts';

const { rallies } = parseRallyCollection(readRallyDocument());
const london = rallies[0] as Rally;
const siteUrl = 'https://rallies.example.org';

function lines(csv: string): string[] {
  return csv.replace(/^\ufeff/, '').split('\r\n');
}

describe('rallyCsv', () => {
  it('writes a header and one row per rally, with each page address absolute', () => {
    const csv = rallyCsv(rallies, siteUrl);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(lines(csv)[0]).toBe(
      'id,city,local name,country,date,venue,attendance,latitude,longitude,quotes,photos,page',
    );
    expect(lines(csv)[0]).toBe(rallyCsvColumns.join(','));
    expect(lines(csv)[1]).toBe(
      'london,London,,GB,2018-04-07,Outside the Russian Embassy,about 50 people,51.5103,-0.1908,7,4,https://rallies.example.org/city/london/',
    );
    expect(lines(csv)).toHaveLength(rallies.length + 2);
    expect(lines(csv).at(-1)).toBe('');
  });

  it('leaves what the source does not report empty, and puts the pages under the base path', () => {
    const rome = rallies.find((rally) => rally.id === 'rome') as Rally;
    expect(rallyCsvRow(rome, siteUrl, '/chechnya-rallies/')).toEqual([
      'rome',
      'Rome',
      'Roma',
      'IT',
      '2018-04-07',
      '',
      '',
      String(rome.latitude),
      String(rome.longitude),
      '0',
      '0',
      'https://rallies.example.org/chechnya-rallies/city/rome/',
    ]);
  });

  it('quotes commas, double quotes and line breaks so a spreadsheet reads them back unchanged', () => {
    const awkward: Rally = {
      ...london,
      name: 'Washington, D.C.',
      venue: 'The “embassy”, he said: "Russian Embassy"\non Wisconsin Avenue\r\nNW',
      attendance: { text: 'a few, "maybe" 20' },
    };
    const csv = rallyCsv([awkward], siteUrl);
    expect(csv).toContain('"Washington, D.C."');
    expect(csv).toContain('"The “embassy”, he said: ""Russian Embassy""\non Wisconsin Avenue\r\nNW"');
    expect(csv).toContain('"a few, ""maybe"" 20"');
    const [, row] = csvParseRows(csv.replace(/^\ufeff/, ''));
    expect(row).toEqual(rallyCsvRow(awkward, siteUrl));
  });

  it('leaves plain values unquoted', () => {
    expect(lines(rallyCsv([london], siteUrl))[1]).not.toContain('"');
  });
});
