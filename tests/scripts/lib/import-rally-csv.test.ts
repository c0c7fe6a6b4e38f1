import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRallyCollection } from '../../../src/lib/parse-rallies.ts';
import {
  detectDelimiter,
  formatImportProblem,
  importRallyCsv,
  type ImportResult,
} from '../../../scripts/lib/import-rally-csv.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/csv/${name}`, import.meta.url), 'utf8');
const report = (result: ImportResult, file: string) =>
  result.problems.map((problem) => formatImportProblem(file, problem));

describe('importRallyCsv', () => {
  it('imports a good file: every row, quoted commas and line breaks, country names, optional columns', () => {
    const result = importRallyCsv(fixture('good.csv'));
    expect(report(result, 'good.csv')).toEqual([]);
    expect(result).toMatchObject({ goodRows: 3, badRows: 0 });
    const { rallies, problems } = parseRallyCollection(result.document);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(rallies.map((rally) => rally.id)).toEqual(['london', 'munich', 'mexico-city']);
    expect(rallies[0]).toMatchObject({
      name: 'London',
      country: 'GB',
      date: '2018-04-07',
      venue: 'Outside the Russian Embassy',
      attendance: { text: 'about 50 people' },
      latitude: 51.5103,
      longitude: -0.1908,
      locationPrecision: 'city',
      quotes: [],
      sources: [
        {
          title: 'International protests call for stop to anti-gay purge in Chechnya',
          publisher: 'gaytourism.travel',
          url: 'https://gaytourism.travel/international-protests-call-for-stop-to-anti-gay-purge-in-chechnya/',
        },
      ],
    });
    expect(rallies[1]).toMatchObject({
      localName: 'München',
      country: 'DE',
      venue: null,
      attendance: null,
      sources: [],
    });
    expect(rallies[2]?.venue).toBe('Outside the embassy, on\nthe main road');
  });

  it('reads a semicolon-separated export with a byte-order mark and CRLF lines, naming the row and column of each problem', () => {
    const text = fixture('semicolon.csv');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(detectDelimiter(text)).toBe(';');
    const result = importRallyCsv(text);
    expect(report(result, 'rallies.csv')).toEqual([
      'rallies.csv:2:3  latitude: "52,52" is not a number (write the decimal point as ".")',
      'rallies.csv:2:4  longitude: "13,405" is not a number (write the decimal point as ".")',
      'rallies.csv:5:5  date: "07/04/2018" is not a date in the form YYYY-MM-DD',
    ]);
    expect(result).toMatchObject({ goodRows: 1, badRows: 2 });
    const { rallies } = parseRallyCollection(result.document);
    expect(rallies.map((rally) => [rally.id, rally.venue])).toEqual([['rome', 'Piazza; near\nthe embassy']]);
  });

  it('keeps the good rows of a bad file and reports every bad one, the validator’s findings included', () => {
    const result = importRallyCsv(fixture('bad.csv'));
    expect(report(result, 'bad.csv')).toEqual([
      'bad.csv:1:6  warning: "colour" is not a known column and is ignored',
      'bad.csv:3:1  city: is missing',
      'bad.csv:4:2  country: "XX" is not an ISO 3166-1 country code such as "GB" or an English country name',
      expect.stringMatching(/^bad\.csv:5:3 {2}latitude: .*did you swap longitude and latitude\?/),
      'bad.csv:6:5  date: must be a date in the form YYYY-MM-DD',
      'bad.csv:7:3  latitude: "north" is not a number',
    ]);
    expect(result).toMatchObject({ goodRows: 1, badRows: 5 });
    expect(parseRallyCollection(result.document).rallies.map((rally) => rally.id)).toEqual(['york']);
  });

  it('names the required columns a header lacks, and writes nothing', () => {
    const result = importRallyCsv('city,lat,country\nYork,53.9,GB\n');
    expect(report(result, 'x.csv')).toEqual(['x.csv:1  the header has no longitude, date column']);
    expect(result.document).toBeNull();
  });
});
