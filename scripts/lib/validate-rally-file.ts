/**
 * The validator behind `npm run validate`, in three layers:
 *
 * 0. Encoding: the bytes must be UTF-8 text. A UTF-16 or binary file gets
 *    one message ("save the file as UTF-8"), not a cascade of syntax errors.
 * 1. JSON syntax (scripts/lib/json-syntax.ts): every error with its line and
 *    column and a hint for the usual slips. A byte-order mark is a warning
 *    and is ignored, as the browser ignores it.
 * 2. GeoJSON structure and 3. the rally schema: the same code the browser
 *    runs (src/lib/parse-rallies.ts and src/lib/rally-schema.ts), so the two
 *    agree on every rule except the CLI-only checks below.
 *
 * CLI-only, because they need the raw text, Node or data the browser does not
 * ship: duplicate keys (JSON.parse keeps the last silently; found here in one
 * pass over the text, scripts/lib/json-locations.ts), each point inside its
 * declared country (Natural Earth shapes), and photo files existing under
 * public/.
 *
 * The work is split in two: `collectProblems` finds every problem with its
 * offset, `formatReport` locates and words them. Both are linear in the
 * file's size: line starts are found once, and many notes of one kind are
 * summarised in one line.
 *
 * (@placemarkio/check-geojson was evaluated for the structure layer and not
 * used: on this data it adds nothing the parser does not already check, its
 * syntax messages are weaker than jsonc-parser's, and it misses `crs`,
 * out-of-range latitudes and duplicate keys below the top level.)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  featurePosition,
  isRecord,
  parseRallyCollection,
  stripByteOrderMark,
  usableFeatureId,
} from '../../src/lib/parse-rallies.ts';
import { formatPath, formatProblem, type PathSegment, type RallyProblem } from '../../src/lib/rally-problem.ts';
import { isSafePhotoSource } from '../../src/lib/safe-url.ts';
import { checkPointCountry, loadCountryAtlas } from './country-check.ts';
import { checkJsonSyntax, textLocator, type Locate } from './json-syntax.ts';
import { locateJson } from './json-locations.ts';
import { photoFileProblem } from './photo-files.ts';

/** Errors make the file invalid; warnings do not; notes are information only. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem, located in the file: what `--json` prints for each. */
export interface LocatedProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
  severity: Severity;
  /** Index into `features`, or null for a problem outside any feature (and for syntax errors). */
  featureIndex: number | null;
  /** The feature's id when it has a usable one. */
  featureId: string | null;
  /** Path from the root of the document; empty for syntax errors. */
  path: PathSegment[];
  message: string;
  /** For a summary of many notes with one message: how many (located at the first). */
  count?: number;
}

/** The validator's verdict on one file. */
export interface ValidationReport {
  /** 0 when the file has no errors (warnings and notes allowed), 1 otherwise. */
  exitCode: 0 | 1;
  /** The human-readable report: one line per problem (errors, then warnings, then notes), then a summary. */
  lines: string[];
  errorCount: number;
  warningCount: number;
  noteCount: number;
  rallyCount: number;
  problems: LocatedProblem[];
}

export interface ValidationOptions {
  /** Where photo paths are looked up: the project's public/ folder unless given. */
  publicDir?: string;
}

/** The project's public/ folder, next to scripts/. */
export const defaultPublicDir = resolve(fileURLToPath(new URL('../..', import.meta.url)), 'public');

/** Notes with one message are listed one by one up to this many; more become one summary line. */
export const notesListedOneByOne = 10;

/** A problem as the validator handles it, with the offset in the text (after any byte-order mark) it points at. */
export interface Finding extends Omit<RallyProblem, 'severity'> {
  severity: Severity;
  offset: number;
  /** About the file as text (its encoding, a byte-order mark, JSON syntax): no feature or path, worded as is. */
  kind: 'text' | 'data';
}

/** Everything `collectProblems` found in one text, before it is located and worded. */
export interface CollectedProblems {
  /** The text the offsets point into: the file without its byte-order mark. */
  body: string;
  findings: Finding[];
  /** Why no rally could be read at all: the bytes are not UTF-8 text, or the text is not JSON; false otherwise. */
  unreadable: 'encoding' | 'json' | false;
  rallyCount: number;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const severityPrefix: Record<Severity, string> = { error: '', warning: 'warning: ', info: 'note: ' };

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The features array of a decoded document, or an empty list. */
function featuresOf(document: unknown): unknown[] {
  return isRecord(document) && Array.isArray(document.features) ? document.features : [];
}

/** The CLI-only checks of each feature: its country and its photo files. */
function checkFeaturesOutsideTheBrowser(document: unknown, publicDir: string): RallyProblem[] {
  const problems: RallyProblem[] = [];
  featuresOf(document).forEach((feature, featureIndex) => {
    if (!isRecord(feature) || !isRecord(feature.properties)) return;
    const featureId = usableFeatureId(feature);
    const base: PathSegment[] = ['features', featureIndex];
    const { country, photos } = feature.properties;
    const position = featurePosition(feature);
    if (typeof country === 'string' && /^[A-Z]{2}$/.test(country) && position) {
      const problem = checkPointCountry(loadCountryAtlas(), country, position);
      if (problem) {
        problems.push({ ...problem, featureIndex, featureId, path: [...base, ...problem.path] });
      }
    }
    if (Array.isArray(photos)) {
      photos.forEach((photo: unknown, photoIndex) => {
        if (!isRecord(photo) || typeof photo.src !== 'string') return;
        const src = photo.src;
        if (!isSafePhotoSource(src) || src.startsWith('https://')) return;
        const message = photoFileProblem(publicDir, src);
        if (message !== null) {
          problems.push({
            severity: 'error',
            featureIndex,
            featureId,
            path: [...base, 'properties', 'photos', photoIndex, 'src'],
            message,
          });
        }
      });
    }
  });
  return problems;
}

/** A problem as the validator handles it: notes, and an offset where the path alone is not enough. */
type CliProblem = Omit<RallyProblem, 'severity'> & { severity: Severity; offset?: number };

const venueNote = 'not reported (null): the map says "Venue not reported"';

/** Information, not problems: what the file records as not reported. */
function notesOn(document: unknown, featuresWithErrors: ReadonlySet<number>): CliProblem[] {
  return featuresOf(document).flatMap((feature, featureIndex) => {
    if (featuresWithErrors.has(featureIndex) || !isRecord(feature) || !isRecord(feature.properties)) return [];
    if (feature.properties.venue !== null) return [];
    return [
      {
        severity: 'info' as const,
        featureIndex,
        featureId: usableFeatureId(feature),
        path: ['features', featureIndex, 'properties', 'venue'],
        message: venueNote,
      },
    ];
  });
}

/**
 * The bytes as text when they are UTF-8 (decoded once), or why they are not,
 * in one message that says what to do.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { message: string } {
  const saveAs = 'save the file as UTF-8 (in most editors: Save as… or File ▸ Encoding ▸ UTF-8)';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const order = bytes[0] === 0xff ? 'FF FE' : 'FE FF';
    return { message: `the file is UTF-16 text (it starts with the byte-order mark ${order}), not UTF-8: ${saveAs}` };
  }
  if (bytes.includes(0)) {
    return {
      message: `the file holds NUL bytes: it is binary (an image, a zip, a spreadsheet?) or UTF-16 without a byte-order mark, not UTF-8 text: ${saveAs}`,
    };
  }
  try {
    // ignoreBOM: the byte-order mark stays in the text, where collectProblems warns about it.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      message: `the file is not valid UTF-8 (perhaps Latin-1 or Windows-1252, as older editors and spreadsheets save): ${saveAs}`,
    };
  }
}

/**
 * Validates a rally file's bytes: first that they are UTF-8 text, then as
 * `validateRallyText` does. A file in another encoding gets one error.
 */
export function validateRallyBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ValidationOptions = {},
): ValidationReport {
  const decoded = decodeUtf8(bytes);
  if ('text' in decoded) return validateRallyText(decoded.text, fileName, options);
  const finding: Finding = {
    kind: 'text',
    severity: 'error',
    offset: 0,
    featureIndex: null,
    featureId: null,
    path: [],
    message: decoded.message,
  };
  return formatReport({ body: '', findings: [finding], unreadable: 'encoding', rallyCount: 0 }, fileName);
}

/**
 * Finds every problem in the text of a rally file as the app would load it,
 * plus the CLI-only checks, each with the offset it points at. Never throws
 * on hostile text: nesting too deep is a syntax error.
 */
export function collectProblems(text: string, options: ValidationOptions = {}): CollectedProblems {
  const body = stripByteOrderMark(text);
  const findings: Finding[] = [];
  if (body !== text) {
    findings.push({
      kind: 'text',
      severity: 'warning',
      offset: 0,
      featureIndex: null,
      featureId: null,
      path: [],
      message: 'the file starts with a byte-order mark; it is ignored',
    });
  }

  const syntax = checkJsonSyntax(body);
  if (syntax.parsed === null) {
    for (const problem of syntax.problems) {
      findings.push({
        kind: 'text',
        severity: 'error',
        offset: problem.offset,
        featureIndex: null,
        featureId: null,
        path: [],
        message: `JSON syntax: ${problem.message}`,
      });
    }
    return { body, findings, unreadable: 'json', rallyCount: 0 };
  }

  const document = syntax.parsed.value;
  const locations = locateJson(body);
  const features = featuresOf(document);
  const rallyProblems: CliProblem[] = [];
  // Line starts are found (one pass) only when a duplicate needs them.
  let locate: Locate | null = null;
  for (const duplicate of locations.duplicates) {
    const [first, index] = duplicate.path;
    const featureIndex = first === 'features' && typeof index === 'number' ? index : null;
    locate ??= textLocator(body);
    const { line } = locate(duplicate.firstOffset);
    rallyProblems.push({
      severity: 'error',
      featureIndex,
      featureId: featureIndex === null ? null : usableFeatureId(features[featureIndex]),
      path: duplicate.path,
      offset: duplicate.offset,
      message: `duplicate key: "${duplicate.key}" is already on line ${line}, and JSON keeps only the last one, so the value on line ${line} is silently ignored; remove one of them`,
    });
  }

  const collection = parseRallyCollection(document);
  const cliOnly = checkFeaturesOutsideTheBrowser(document, options.publicDir ?? defaultPublicDir);
  rallyProblems.push(...collection.problems, ...cliOnly);
  const errorFeatures = (list: readonly CliProblem[]) =>
    new Set(
      list.flatMap((problem) =>
        problem.severity === 'error' && problem.featureIndex !== null ? [problem.featureIndex] : [],
      ),
    );
  const droppedByTheApp = errorFeatures(collection.problems);
  const featuresWithErrors = errorFeatures(rallyProblems);
  // The app shows a rally whose country or photo file is wrong; the validator does not count it as valid.
  const rallyCount =
    collection.rallies.length - [...featuresWithErrors].filter((index) => !droppedByTheApp.has(index)).length;
  rallyProblems.push(...notesOn(document, featuresWithErrors));

  for (const problem of rallyProblems) {
    findings.push({ ...problem, kind: 'data', offset: problem.offset ?? locations.offsetOfPath(problem.path) });
  }
  return { body, findings, unreadable: false, rallyCount };
}

/** How one finding reads after `file:line:col  `. */
function findingText(finding: Finding): string {
  if (finding.kind === 'text') return `${severityPrefix[finding.severity]}${finding.message}`;
  return `${severityPrefix[finding.severity]}${formatProblem(finding)}`;
}

/**
 * Locates and words collected problems: errors first, then warnings, then
 * notes, each group in file order, then a summary line. More than
 * `notesListedOneByOne` notes with one message become one line
 * ("95,000 rallies: venue not reported…"), located at the first.
 */
export function formatReport(collected: CollectedProblems, fileName: string): ValidationReport {
  const { findings, unreadable, rallyCount } = collected;
  const locate = textLocator(collected.body);
  const notesByMessage = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.severity !== 'info') continue;
    const group = notesByMessage.get(finding.message) ?? [];
    group.push(finding);
    notesByMessage.set(finding.message, group);
  }
  const summarised = new Set(
    [...notesByMessage].filter(([, group]) => group.length > notesListedOneByOne).map(([message]) => message),
  );

  const sorted = [...findings].sort(
    (a, b) => severityRank[a.severity] - severityRank[b.severity] || a.offset - b.offset,
  );
  const problems: LocatedProblem[] = [];
  const lines: string[] = [];
  for (const finding of sorted) {
    const { line, column } = locate(finding.offset);
    const base = {
      file: fileName,
      line,
      column,
      severity: finding.severity,
      featureIndex: finding.featureIndex,
      featureId: finding.featureId,
      path: finding.path,
      message: finding.message,
    };
    if (finding.severity === 'info' && summarised.has(finding.message)) {
      const group = notesByMessage.get(finding.message) ?? [];
      if (group[0] !== finding) continue;
      const field = formatPath(finding.path.slice(2));
      const summary = `${plural(group.length, 'rally', 'rallies')}: ${field ? `${field}: ` : ''}${finding.message} (the first here)`;
      problems.push({ ...base, featureIndex: null, featureId: null, path: [], message: summary, count: group.length });
      lines.push(`${fileName}:${line}:${column}  note: ${summary}`);
      continue;
    }
    problems.push(base);
    lines.push(`${fileName}:${line}:${column}  ${findingText(finding)}`);
  }

  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const errorCount = count('error');
  const warningCount = count('warning');
  const noteCount = count('info');
  lines.push(
    unreadable === 'encoding'
      ? `${fileName}: not UTF-8 text, 1 error`
      : unreadable === 'json'
        ? `${fileName}: not valid JSON, ${plural(errorCount, 'syntax error')}`
        : `${fileName}: ${plural(rallyCount, 'valid rally', 'valid rallies')}, ${plural(errorCount, 'error')}, ` +
          `${plural(warningCount, 'warning')}${noteCount > 0 ? `, ${plural(noteCount, 'note')}` : ''}`,
  );
  return { exitCode: errorCount > 0 ? 1 : 0, lines, errorCount, warningCount, noteCount, rallyCount, problems };
}

/**
 * Validates the text of a rally file as the app would load it, plus the
 * CLI-only checks, and reports each problem as
 * `file:line:col  features[3] (berlin) .properties.quotes[1].text: message`.
 */
export function validateRallyText(text: string, fileName: string, options: ValidationOptions = {}): ValidationReport {
  return formatReport(collectProblems(text, options), fileName);
}

/** The report as JSON for tools: the counts and every located problem. */
export function reportAsJson(report: ValidationReport, fileName: string): string {
  return JSON.stringify(
    {
      file: fileName,
      valid: report.exitCode === 0,
      rallyCount: report.rallyCount,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      noteCount: report.noteCount,
      problems: report.problems,
    },
    null,
    2,
  );
}
