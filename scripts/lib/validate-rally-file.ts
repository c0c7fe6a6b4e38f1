/**
 * The validator behind `npm run validate`, in three layers:
 *
 * 1. JSON syntax (scripts/lib/json-syntax.ts): every error with its line and
 *    column and a hint for the usual slips. A byte-order mark is a warning
 *    and is ignored, as the browser ignores it.
 * 2. GeoJSON structure and 3. the rally schema: the same code the browser
 *    runs (src/lib/parse-rallies.ts and src/lib/rally-schema.ts), so the two
 *    agree on every rule except the CLI-only checks below.
 *
 * CLI-only, because they need the raw text, Node or data the browser does not
 * ship: duplicate keys (JSON.parse keeps the last silently; found here in the
 * jsonc-parser tree), each point inside its declared country (Natural Earth
 * shapes), and photo files existing under public/.
 *
 * (@placemarkio/check-geojson was evaluated for the structure layer and not
 * used: on this data it adds nothing the parser does not already check, its
 * syntax messages are weaker than jsonc-parser's, and it misses `crs`,
 * out-of-range latitudes and duplicate keys below the top level.)
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRallyCollection } from '../../src/lib/parse-rallies.ts';
import { formatProblem, type PathSegment, type RallyProblem } from '../../src/lib/rally-problem.ts';
import { slugPattern } from '../../src/lib/slug.ts';
import { isSafePhotoSource } from '../../src/lib/safe-url.ts';
import { checkPointCountry, loadCountryAtlas } from './country-check.ts';
import { checkJsonSyntax, lineAndColumn } from './json-syntax.ts';
import { findDuplicateKeys, offsetOfPath } from './json-tree.ts';
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

interface Finding {
  severity: Severity;
  offset: number;
  featureIndex: number | null;
  featureId: string | null;
  path: PathSegment[];
  message: string;
  /** How the problem reads after `file:line:col  `. */
  text: string;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const severityPrefix: Record<Severity, string> = { error: '', warning: 'warning: ', info: 'note: ' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The features array of a decoded document, or an empty list. */
function featuresOf(document: unknown): unknown[] {
  return isRecord(document) && Array.isArray(document.features) ? document.features : [];
}

/** The id the parser would name a feature by: its id when that is a valid slug. */
function featureIdOf(feature: unknown): string | null {
  return isRecord(feature) && typeof feature.id === 'string' && slugPattern.test(feature.id) ? feature.id : null;
}

/** [longitude, latitude] when the feature's coordinates are two or three numbers in range, else null. */
function validPosition(feature: Record<string, unknown>): [number, number] | null {
  const geometry = feature.geometry;
  if (!isRecord(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return null;
  const coordinates: unknown[] = geometry.coordinates;
  if (coordinates.length < 2 || coordinates.length > 3) return null;
  if (!coordinates.every((value) => typeof value === 'number' && Number.isFinite(value))) return null;
  const [longitude, latitude] = coordinates as [number, number];
  return Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90 ? [longitude, latitude] : null;
}

/** The CLI-only checks of each feature: its country and its photo files. */
function checkFeaturesOutsideTheBrowser(document: unknown, publicDir: string): RallyProblem[] {
  const problems: RallyProblem[] = [];
  featuresOf(document).forEach((feature, featureIndex) => {
    if (!isRecord(feature) || !isRecord(feature.properties)) return;
    const featureId = featureIdOf(feature);
    const base: PathSegment[] = ['features', featureIndex];
    const { country, photos } = feature.properties;
    const position = validPosition(feature);
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

/** Information, not problems: what the file records as not reported. */
function notesOn(document: unknown, featuresWithErrors: ReadonlySet<number>): CliProblem[] {
  return featuresOf(document).flatMap((feature, featureIndex) => {
    if (featuresWithErrors.has(featureIndex) || !isRecord(feature) || !isRecord(feature.properties)) return [];
    if (feature.properties.venue !== null) return [];
    return [
      {
        severity: 'info' as const,
        featureIndex,
        featureId: featureIdOf(feature),
        path: ['features', featureIndex, 'properties', 'venue'],
        message: 'not reported (null): the map says "Venue not reported"',
      },
    ];
  });
}

/**
 * Validates the text of a rally file as the app would load it, plus the
 * CLI-only checks, and reports each problem as
 * `file:line:col  features[3] (berlin) .properties.quotes[1].text: message`.
 */
export function validateRallyText(text: string, fileName: string, options: ValidationOptions = {}): ValidationReport {
  const hasBom = text.startsWith('\ufeff');
  const body = hasBom ? text.slice(1) : text;
  const findings: Finding[] = [];
  if (hasBom) {
    findings.push({
      severity: 'warning',
      offset: 0,
      featureIndex: null,
      featureId: null,
      path: [],
      message: 'the file starts with a byte-order mark; it is ignored',
      text: 'warning: the file starts with a byte-order mark; it is ignored',
    });
  }

  const syntax = checkJsonSyntax(body);
  let rallyCount = 0;
  let syntaxFailed = false;
  let document: unknown = null;
  if (syntax.tree !== null) {
    try {
      document = JSON.parse(body) as unknown;
    } catch (error) {
      // jsonc-parser and JSON.parse should agree; if they ever do not, the browser's verdict wins.
      syntax.problems.push({ offset: 0, code: 'JsonParse', message: (error as Error).message });
    }
  }
  if (syntax.tree === null || syntax.problems.length > 0) {
    syntaxFailed = true;
    for (const problem of syntax.problems) {
      const message = `JSON syntax: ${problem.message}`;
      findings.push({
        severity: 'error',
        offset: problem.offset,
        featureIndex: null,
        featureId: null,
        path: [],
        message,
        text: message,
      });
    }
  } else {
    const tree = syntax.tree;
    const features = featuresOf(document);
    const rallyProblems: CliProblem[] = [];

    for (const duplicate of findDuplicateKeys(tree)) {
      const [first, index] = duplicate.path;
      const featureIndex = first === 'features' && typeof index === 'number' ? index : null;
      const { line } = lineAndColumn(body, duplicate.firstOffset);
      rallyProblems.push({
        severity: 'error',
        featureIndex,
        featureId: featureIndex === null ? null : featureIdOf(features[featureIndex]),
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
    rallyCount =
      collection.rallies.length - [...featuresWithErrors].filter((index) => !droppedByTheApp.has(index)).length;
    rallyProblems.push(...notesOn(document, featuresWithErrors));

    for (const problem of rallyProblems) {
      const severity = problem.severity;
      findings.push({
        severity,
        offset: problem.offset ?? offsetOfPath(tree, problem.path),
        featureIndex: problem.featureIndex,
        featureId: problem.featureId,
        path: problem.path,
        message: problem.message,
        text: `${severityPrefix[severity]}${formatProblem(problem)}`,
      });
    }
  }

  // Errors first, then warnings, then notes; each group in file order.
  findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || a.offset - b.offset);
  const problems: LocatedProblem[] = [];
  const lines: string[] = [];
  for (const finding of findings) {
    const { line, column } = lineAndColumn(body, finding.offset);
    problems.push({
      file: fileName,
      line,
      column,
      severity: finding.severity,
      featureIndex: finding.featureIndex,
      featureId: finding.featureId,
      path: finding.path,
      message: finding.message,
    });
    lines.push(`${fileName}:${line}:${column}  ${finding.text}`);
  }

  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const errorCount = count('error');
  const warningCount = count('warning');
  const noteCount = count('info');
  lines.push(
    syntaxFailed
      ? `${fileName}: not valid JSON, ${plural(errorCount, 'syntax error')}`
      : `${fileName}: ${plural(rallyCount, 'valid rally', 'valid rallies')}, ${plural(errorCount, 'error')}, ` +
          `${plural(warningCount, 'warning')}${noteCount > 0 ? `, ${plural(noteCount, 'note')}` : ''}`,
  );
  return { exitCode: errorCount > 0 ? 1 : 0, lines, errorCount, warningCount, noteCount, rallyCount, problems };
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
