import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { parseRallyCollection } from '../src/lib/parse-rallies.ts';
import { formatProblem, type PathSegment, type RallyProblem } from '../src/lib/rally-problem.ts';

/** The validator's verdict on one file: lines to print and the exit code. */
export interface ValidationReport {
  /** 0 when the file has no errors (warnings allowed), 1 otherwise. */
  exitCode: 0 | 1;
  lines: string[];
  errorCount: number;
  warningCount: number;
  rallyCount: number;
}

const syntaxHints: Partial<Record<string, string>> = {
  PropertyNameExpected: 'a trailing comma before } is not allowed in JSON, or a key is missing its double quotes',
  ValueExpected: 'a trailing comma before ] or } is not allowed in JSON, or a value is missing',
  CommaExpected: 'a comma is missing between two items',
  CloseBraceExpected: 'a } is missing: the file may be cut short',
  CloseBracketExpected: 'a ] is missing: the file may be cut short',
  InvalidSymbol: 'use straight double quotes ("), not smart quotes (“ ” ‘ ’) or single quotes',
  UnexpectedEndOfString: 'a string is not closed with a double quote',
  InvalidCommentToken: 'JSON does not allow comments',
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 10) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The node at `path`, or the nearest ancestor that exists (for a missing field). */
function nearestNode(root: Node, path: readonly PathSegment[]): Node {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = findNodeAtLocation(root, path.slice(0, length));
    if (node) {
      // Point at the key of a property rather than its value, where there is one.
      const parent = node.parent;
      return parent?.type === 'property' && parent.children?.[0] ? parent.children[0] : node;
    }
  }
  return root;
}

/**
 * Validates the text of a rally file as the app would load it, and reports
 * each problem as `file:line:col  <feature and field>: <message>`. Syntax
 * errors are all reported, with hints for the usual hand-editing slips.
 */
export function validateRallyText(text: string, fileName: string): ValidationReport {
  const lines: string[] = [];
  const hasBom = text.startsWith('\ufeff');
  const body = hasBom ? text.slice(1) : text;
  const at = (offset: number) => {
    const { line, column } = lineAndColumn(body, offset);
    return `${fileName}:${line}:${column}`;
  };

  const parseErrors: ParseError[] = [];
  const tree = parseTree(body, parseErrors, { disallowComments: true, allowTrailingComma: false });
  // One slip (a trailing comma) can yield two parser errors at one place: report it once.
  const syntaxErrors = parseErrors.filter(
    (parseError, index) => index === 0 || parseErrors[index - 1]?.offset !== parseError.offset,
  );
  if (syntaxErrors.length > 0 || !tree) {
    for (const syntaxError of syntaxErrors) {
      const code = printParseErrorCode(syntaxError.error);
      const hint = syntaxHints[code];
      lines.push(`${at(syntaxError.offset)}  JSON syntax: ${code}${hint ? ` (${hint})` : ''}`);
    }
    lines.push(
      `${fileName}: not valid JSON, ${syntaxErrors.length} syntax error${syntaxErrors.length === 1 ? '' : 's'}`,
    );
    return { exitCode: 1, lines, errorCount: syntaxErrors.length, warningCount: 0, rallyCount: 0 };
  }

  const collection = parseRallyCollection(JSON.parse(body) as unknown);
  const located = (problem: RallyProblem) =>
    `${at(nearestNode(tree, problem.path).offset)}  ${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem)}`;
  const errors = collection.problems.filter((problem) => problem.severity === 'error');
  const warnings = collection.problems.filter((problem) => problem.severity === 'warning');
  lines.push(...errors.map(located), ...warnings.map(located));
  if (hasBom) lines.push(`${fileName}:1:1  warning: the file starts with a byte-order mark; it is ignored`);

  const warningCount = warnings.length + (hasBom ? 1 : 0);
  lines.push(
    `${fileName}: ${collection.rallies.length} valid ${collection.rallies.length === 1 ? 'rally' : 'rallies'}, ` +
      `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}`,
  );
  return {
    exitCode: errors.length > 0 ? 1 : 0,
    lines,
    errorCount: errors.length,
    warningCount,
    rallyCount: collection.rallies.length,
  };
}
