import { parse } from 'csv-parse/sync';
import isoCountries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { notReportedFacts, slugFromName } from '../../src/lib/missing-fields.ts';
import type { PathSegment } from '../../src/lib/rally-problem.ts';
import { validateRallyText } from './validate-rally-file.ts';

isoCountries.registerLocale(english);

/*
 * `npm run import`: a spreadsheet export (CSV) becomes a rally file. The
 * columns are named in docs/data.md; each problem names its row (the line
 * the row starts on) and column; rows with errors are left out and the
 * others kept; the file written is checked as `npm run validate` checks it.
 */

/** The columns the importer reads, by their name in the header (case, spaces, `_` and `-` ignored). */
export const importColumns = {
  city: { required: true },
  country: { required: true },
  latitude: { required: true },
  longitude: { required: true },
  date: { required: true },
  venue: { required: false },
  attendance: { required: false },
  'local name': { required: false },
  'source title': { required: false },
  'source url': { required: false },
  id: { required: false },
} as const;

/** A column the importer knows. */
export type ImportColumn = keyof typeof importColumns;

/** Other spellings of a column's name in the header. */
const aliases: Record<string, ImportColumn> = {
  name: 'city',
  lat: 'latitude',
  lon: 'longitude',
  lng: 'longitude',
  long: 'longitude',
  localname: 'local name',
  sourcetitle: 'source title',
  sourceurl: 'source url',
};

/** One problem with the input, located by row (a line of the file) and column (1-based). */
export interface ImportProblem {
  severity: 'error' | 'warning';
  /** The line the row starts on, 1-based (the header is line 1); `null` for the file as a whole. */
  line: number | null;
  column: number | null;
  message: string;
}

/** What an import gives: the rally file's document, what was wrong, and how many rows went in. */
export interface ImportResult {
  document: Record<string, unknown> | null;
  problems: ImportProblem[];
  goodRows: number;
  badRows: number;
}

/** The field separator of a CSV text: `;` (a European spreadsheet export) or tab when the header uses more of them than commas. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const header = (text.replace(/^\ufeff/, '').split(/\r?\n/)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (character: string) => header.split(character).length - 1;
  const candidates = [',', ';', '\t'] as const;
  return candidates.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ',');
}

function normalise(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

function columnFor(header: string): ImportColumn | null {
  const name = normalise(header);
  if (Object.hasOwn(importColumns, name)) return name as ImportColumn;
  return aliases[name.replace(/ /g, '')] ?? null;
}

/** What a path in the rally file (from the validator) is called in the spreadsheet. */
function columnOfPath(path: readonly PathSegment[]): ImportColumn | null {
  const [, , group, field, index] = path;
  if (group === 'geometry') return index === 0 ? 'longitude' : index === 1 ? 'latitude' : 'latitude';
  if (group === 'id') return 'city';
  if (group !== 'properties') return null;
  const byField: Record<string, ImportColumn> = {
    name: 'city',
    localName: 'local name',
    country: 'country',
    date: 'date',
    venue: 'venue',
    attendance: 'attendance',
    sources: 'source url',
  };
  return typeof field === 'string' ? (byField[field] ?? null) : null;
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Reads a spreadsheet export into a rally file. Handles a byte-order mark,
 * `,`, `;` or tab separators (detected from the header) and quoted line
 * breaks. Never throws. Each row needs a city, a country (ISO code or
 * English name), latitude and longitude (decimal degrees with a point) and
 * a date (YYYY-MM-DD); venue, attendance, local name and the source are
 * optional, and read as "not reported" when empty. Rows with errors are
 * left out; the file is then checked as `npm run validate` checks it, and
 * rows the validator rejects are left out too.
 */
export function importRallyCsv(text: string): ImportResult {
  const problems: ImportProblem[] = [];
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    // Line ends become \n first: csv-parse counts a quoted \r\n as two lines, which would put every later row's number off.
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      delimiter: detectDelimiter(text),
      info: true,
      raw: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? null;
    problems.push({
      severity: 'error',
      line,
      column: null,
      message: `is not a CSV file that can be read (${(error as Error).message})`,
    });
    return { document: null, problems, goodRows: 0, badRows: 0 };
  }
  const startLine = (entry: (typeof records)[number]) =>
    entry.info.lines - (entry.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);

  // Blank lines are dropped here rather than by csv-parse, whose line count then misplaces the next row.
  const [header, ...rows] = records.filter((entry) => entry.record.some((value) => value.trim() !== ''));
  if (!header) {
    problems.push({
      severity: 'error',
      line: null,
      column: null,
      message: 'is empty: it needs a header row and a row per rally',
    });
    return { document: null, problems, goodRows: 0, badRows: 0 };
  }
  const columns = new Map<ImportColumn, number>();
  header.record.forEach((name, index) => {
    const column = columnFor(name);
    if (column === null) {
      problems.push({
        severity: 'warning',
        line: 1,
        column: index + 1,
        message: `"${name}" is not a known column and is ignored`,
      });
    } else if (columns.has(column)) {
      problems.push({
        severity: 'error',
        line: 1,
        column: index + 1,
        message: `"${name}": the column ${column} appears twice`,
      });
    } else {
      columns.set(column, index);
    }
  });
  const missing = (Object.keys(importColumns) as ImportColumn[]).filter(
    (column) => importColumns[column].required && !columns.has(column),
  );
  if (missing.length > 0) {
    problems.push({
      severity: 'error',
      line: 1,
      column: null,
      message: `the header has no ${missing.join(', ')} column`,
    });
    return { document: null, problems, goodRows: 0, badRows: rows.length };
  }

  const features: Record<string, unknown>[] = [];
  const featureLines: number[] = [];
  const takenIds = new Set<string>();
  let badRows = 0;
  for (const entry of rows) {
    const line = startLine(entry);
    const problemsBefore = problems.length;
    const error = (column: ImportColumn, message: string) => {
      problems.push({
        severity: 'error',
        line,
        column: (columns.get(column) ?? 0) + 1,
        message: `${column}: ${message}`,
      });
    };
    const cell = (column: ImportColumn) => {
      const index = columns.get(column);
      return index === undefined ? '' : (entry.record[index] ?? '').trim();
    };
    const number = (column: 'latitude' | 'longitude', limit: number): number | null => {
      const value = cell(column);
      if (value === '') return (error(column, 'is missing'), null);
      if (!numberPattern.test(value)) {
        const hint = /^\d+,\d+$/.test(value) ? ' (write the decimal point as ".")' : '';
        return (error(column, `"${value}" is not a number${hint}`), null);
      }
      const parsed = Number(value);
      if (Math.abs(parsed) > limit) return (error(column, `${value} is not between -${limit} and ${limit}`), null);
      return parsed;
    };

    const city = cell('city');
    if (city === '') error('city', 'is missing');
    const countryText = cell('country');
    const country = /^[A-Za-z]{2}$/.test(countryText)
      ? countryText.toUpperCase()
      : (isoCountries.getAlpha2Code(countryText, 'en') ?? null);
    if (countryText === '') error('country', 'is missing');
    else if (country === null || !isoCountries.isValid(country))
      error('country', `"${countryText}" is not an ISO 3166-1 country code such as "GB" or an English country name`);
    const latitude = number('latitude', 90);
    const longitude = number('longitude', 180);
    const date = cell('date');
    if (date === '') error('date', 'is missing');
    else if (!isoDatePattern.test(date)) error('date', `"${date}" is not a date in the form YYYY-MM-DD`);
    const sourceUrl = cell('source url');
    const sourceTitle = cell('source title');
    if (sourceTitle !== '' && sourceUrl === '') error('source url', 'is missing: a source title needs its address');
    if (problems.length > problemsBefore) {
      badRows++;
      continue;
    }

    const wanted = cell('id') || slugFromName(city);
    let id = wanted;
    for (let suffix = 2; takenIds.has(id); suffix++) id = `${wanted}-${suffix}`;
    takenIds.add(id);
    const facts = notReportedFacts();
    const venue = cell('venue');
    const attendance = cell('attendance');
    const localName = cell('local name');
    const publisher = URL.canParse(sourceUrl) ? new URL(sourceUrl).hostname.replace(/^www\./, '') : sourceUrl;
    features.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [longitude, latitude] },
      properties: {
        name: city,
        ...(localName === '' ? {} : { localName }),
        country,
        date,
        ...facts,
        venue: venue === '' ? null : venue,
        attendance:
          attendance === ''
            ? null
            : { text: attendance, ...(/^\d+$/.test(attendance) ? { count: Number(attendance) } : {}) },
        sources: sourceUrl === '' ? [] : [{ title: sourceTitle || publisher, publisher, url: sourceUrl }],
      },
    });
    featureLines.push(line);
  }

  // The rows that got through, checked as `npm run validate` checks a file.
  const document: Record<string, unknown> = { type: 'FeatureCollection', features };
  const report = validateRallyText(JSON.stringify(document), 'import');
  const rejected = new Set<number>();
  for (const problem of report.problems) {
    if (problem.featureIndex === null) {
      if (problem.path[0] !== 'campaign')
        problems.push({
          severity: problem.severity === 'error' ? 'error' : 'warning',
          line: null,
          column: null,
          message: problem.message,
        });
      continue;
    }
    // "read as not reported" for a field the spreadsheet has no column for is the import's own doing.
    if (problem.severity !== 'error' && /read as not reported|made from the name/.test(problem.message)) continue;
    if (problem.severity === 'info') continue;
    const column = columnOfPath(problem.path);
    problems.push({
      severity: problem.severity,
      line: featureLines[problem.featureIndex] ?? null,
      column: column === null ? null : (columns.get(column) ?? 0) + 1,
      message: `${column ?? problem.path.slice(2).join('.')}: ${problem.message}`,
    });
    if (problem.severity === 'error') rejected.add(problem.featureIndex);
  }
  document.features = features.filter((_, index) => !rejected.has(index));
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { document, problems, goodRows: features.length - rejected.size, badRows: badRows + rejected.size };
}

/** A problem as a line of the report: `rallies.csv:14:3  latitude: "52,52" is not a number`. */
export function formatImportProblem(fileName: string, problem: ImportProblem): string {
  const place = [fileName, problem.line, problem.line === null ? null : problem.column]
    .filter((part) => part !== null)
    .join(':');
  return `${place}  ${problem.severity === 'warning' ? 'warning: ' : ''}${problem.message}`;
}
