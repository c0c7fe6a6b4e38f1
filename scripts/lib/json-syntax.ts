/**
 * The validator's first layer: JSON syntax, with a hint for each of the
 * slips people make when they edit JSON by hand. Node-free and DOM-free, but
 * it needs jsonc-parser's error recovery, which the browser does not ship:
 * the browser only learns *that* the JSON is broken (see decodeRallyJson).
 */
import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';

/** One syntax error, at an offset into the text (after any byte-order mark). */
export interface SyntaxProblem {
  offset: number;
  /** jsonc-parser's name for the error, such as "CommaExpected"; for tools. */
  code: string;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
}

export interface SyntaxResult {
  /** The value `JSON.parse` makes of the text, when the text is valid JSON; null otherwise. */
  parsed: { value: unknown } | null;
  problems: SyntaxProblem[];
}

const smartDoubleQuotes = new Set(['“', '”', '„', '‟', '″', '«', '»']);
const singleQuotes = new Set(["'", '‘', '’', '‚', '‛', '′']);
/** Characters that look like a space (or like nothing) but are not JSON whitespace. */
const invisibleSpaces = /^[\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000]/;

/** Finds the 1-based line and column of an offset in one text. */
export type Locate = (offset: number) => { line: number; column: number };

/**
 * A locator for `text`: the line starts are found once (one pass), and each
 * offset is then placed by binary search, so locating every finding of a
 * large file stays linear. Lines are counted as editors count them (at \n).
 */
export function textLocator(text: string): Locate {
  const lineStarts = [0];
  let newline = text.indexOf('\n');
  while (newline !== -1) {
    lineStarts.push(newline + 1);
    newline = text.indexOf('\n', newline + 1);
  }
  return (offset) => {
    const target = Math.max(0, Math.min(offset, text.length));
    // The last line start at or before the offset.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= target) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

/** 1-based line and column of one offset (one pass over the text: use `textLocator` for many). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  return textLocator(text.slice(0, Math.max(0, offset)))(offset);
}

/**
 * How deep objects and arrays may nest. A rally file needs 6 levels; the
 * limit keeps the recursion of jsonc-parser, the schema and the locator
 * (scripts/lib/json-locations.ts) far from the stack's end (20,000 levels
 * would overflow it).
 */
export const maxNestingDepth = 256;

/**
 * The offset just after the string whose opening quote is at `quoteOffset`
 * (after its closing quote: the first one not escaped by an odd number of
 * backslashes), or -1 when the string is never closed. Jumps from quote to
 * quote, so long texts cost little.
 */
export function endOfString(text: string, quoteOffset: number): number {
  let close = text.indexOf('"', quoteOffset + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes += 1;
    if (backslashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
  return -1;
}

/**
 * The offset of the first `[` or `{` that opens level `maxDepth + 1`, or
 * null when the text never nests that deep. Brackets inside strings do not
 * count. One pass, no recursion.
 */
export function tooDeepOffset(text: string, maxDepth: number = maxNestingDepth): number | null {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 34) {
      const end = endOfString(text, index);
      if (end === -1) return null;
      index = end - 1;
    } else if (code === 91 || code === 123) {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if (code === 93 || code === 125) depth -= 1;
  }
  return null;
}

/** The offset of the last character before `offset` that is not whitespace, or -1. */
function previousSignificant(text: string, offset: number): number {
  let index = offset - 1;
  while (index >= 0 && /\s/.test(text.charAt(index))) index -= 1;
  return index;
}

function where(locate: Locate, offset: number): string {
  const { line, column } = locate(offset);
  return `line ${line}, column ${column}`;
}

/** The word (letters, digits, _ $) starting at `offset`. */
function wordAt(text: string, offset: number): string {
  return /^[A-Za-z_$][\w$]*/.exec(text.slice(offset))?.[0] ?? '';
}

function describeInvalidSymbol(text: string, offset: number): string {
  const character = text.charAt(offset);
  if (smartDoubleQuotes.has(character)) {
    return `smart quotes (${character}): JSON needs straight double quotes ("). A word processor or a chat app may have changed them`;
  }
  if (singleQuotes.has(character)) {
    return `a ${character === "'" ? 'single' : 'curly single'} quote (${character}): JSON strings and keys need straight double quotes (")`;
  }
  if (character === '\ufeff') {
    return 'an invisible byte-order mark (U+FEFF) in the middle of the file: delete it';
  }
  if (invisibleSpaces.test(character)) {
    const code = character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0') ?? '';
    return `an invisible special space (U+${code}), not an ordinary one: replace it with a normal space`;
  }
  if (character === '<') return 'this looks like a web page (HTML), not JSON';
  const word = wordAt(text, offset);
  if (['NaN', 'Infinity'].includes(word)) return `${word} is not a JSON number: write a number such as 12.5`;
  if (['True', 'TRUE', 'False', 'FALSE', 'Null', 'NULL', 'None', 'nil', 'undefined'].includes(word)) {
    return `${word} is not JSON: the only literals are true, false and null, in lowercase`;
  }
  if (word !== '') {
    const isKey = /^\s*:/.test(text.slice(offset + word.length));
    return isKey
      ? `a key without quotes: write "${word}", in straight double quotes`
      : `text without quotes: write "${word}", in straight double quotes`;
  }
  return `an unexpected character ${JSON.stringify(character)}`;
}

/**
 * What one parse error means at its place in the text, and where to point:
 * at the comma to remove, at the place a comma is missing, or at the error.
 */
function describe(text: string, locate: Locate, error: ParseError, code: string): { message: string; offset?: number } {
  const { offset } = error;
  const at = text.charAt(offset);
  const before = previousSignificant(text, offset);
  const trailingComma = before >= 0 && text.charAt(before) === ',' && (at === '}' || at === ']');
  switch (code) {
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (trailingComma) {
        return {
          offset: before,
          message: `a trailing comma before ${at} (at ${where(locate, offset)}): JSON allows no comma after the last item; remove this comma`,
        };
      }
      if (at === ',') return { message: 'a value is missing before this comma (two commas in a row?)' };
      return {
        message:
          code === 'PropertyNameExpected'
            ? 'a key in straight double quotes ("name") is expected here'
            : 'a value is expected here: text in double quotes, a number, true, false, null, an object or a list',
      };
    case 'CommaExpected': {
      if (at === ':') {
        return {
          message:
            'a "key": value pair where a list item was expected: an object was closed too early (an extra } before this?)',
        };
      }
      if (/\d/.test(at) && text.charAt(offset - 1) === '0' && !/[\d.]/.test(text.charAt(offset - 2))) {
        return { offset: offset - 1, message: 'a number cannot start with 0 (write 12.5, not 012.5)' };
      }
      return {
        offset: before + 1,
        message: `a comma is missing here, between two items (the next one starts at ${where(locate, offset)})`,
      };
    }
    case 'ColonExpected':
      return { message: 'a colon (:) is missing between a key and its value' };
    case 'CloseBraceExpected':
      return { message: 'a } is missing here to close an object' };
    case 'CloseBracketExpected':
      return { message: 'a ] is missing here to close a list' };
    case 'EndOfFileExpected':
      return {
        message: 'more text after the end of the data: an extra } or ] earlier, or a second document pasted in',
      };
    case 'InvalidSymbol':
      return { message: describeInvalidSymbol(text, offset) };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { message: 'JSON does not allow comments: remove it (notes about a rally belong in locationNote)' };
    case 'UnexpectedEndOfString':
      return {
        message:
          'a string is not closed on its line: end it with a straight double quote ("); a line break inside text must be written \\n',
      };
    case 'InvalidCharacter':
      return { message: 'a tab or other control character inside a string: use a space, or write \\t or \\n' };
    case 'InvalidEscapeCharacter':
      return {
        message: 'a backslash that starts no valid escape: write \\\\ for a backslash (or \\n, \\t, \\", \\uXXXX)',
      };
    case 'InvalidUnicode':
      return { message: 'a \\u escape needs exactly four hexadecimal digits, such as \\u00e9' };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { message: 'a number is not complete: write 12 or 12.5, not 12. or .5' };
    default:
      return { message: 'not valid JSON here' };
  }
}

/**
 * Parses a JSON text (without its byte-order mark) as the browser does, with
 * `JSON.parse`, and when that fails finds every error with a hint. One slip
 * often makes the parser stumble several times just after it, so an error on
 * the same line as the previous one, or right after it with only whitespace
 * between, is not reported again; nor is more than one error for a file that
 * ends early, nor that one after another error. No syntax tree is built, so a
 * large file costs little more than `JSON.parse` itself.
 */
export function checkJsonSyntax(text: string): SyntaxResult {
  if (text.trim() === '') {
    return { parsed: null, problems: [{ offset: 0, code: 'Empty', message: 'the file is empty' }] };
  }
  const htmlStart = /^\s*</.exec(text);
  if (htmlStart) {
    return {
      parsed: null,
      problems: [
        {
          offset: htmlStart[0].length - 1,
          code: 'Html',
          message:
            'this is a web page (HTML), not the rally data (JSON): an error page saved by mistake, or the wrong file',
        },
      ],
    };
  }

  // Before JSON.parse, which copes with any depth: what comes after it (the schema, the locator) recurses.
  const deep = tooDeepOffset(text);
  if (deep !== null) {
    return {
      parsed: null,
      problems: [
        {
          offset: deep,
          code: 'NestedTooDeeply',
          message: `nested too deeply: more than ${maxNestingDepth} levels of [ and { (a rally file needs 6); is this the right file?`,
        },
      ],
    };
  }

  let parseFailure: string;
  try {
    return { parsed: { value: JSON.parse(text) as unknown }, problems: [] };
  } catch (error) {
    parseFailure = (error as Error).message;
  }
  const errors: ParseError[] = [];
  visit(
    text,
    {
      onError(error, offset, length) {
        errors.push({ error, offset, length });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  // jsonc-parser and JSON.parse should agree; if they ever do not, the browser's verdict wins.
  if (errors.length === 0) return { parsed: null, problems: [{ offset: 0, code: 'JsonParse', message: parseFailure }] };
  const locate = textLocator(text);
  const contentEnd = text.trimEnd().length;
  const problems: SyntaxProblem[] = [];
  let lastLine = 0;
  let lastEnd = -1;
  let truncated = false;
  for (const error of errors) {
    const code = printParseErrorCode(error.error);
    const reachesEnd =
      error.offset >= contentEnd || (code === 'UnexpectedEndOfString' && error.offset + error.length >= contentEnd);
    if (reachesEnd) {
      // Every error at the very end of the text is one problem: the file is cut short.
      truncated = true;
      continue;
    }
    const { line } = locate(error.offset);
    const cascade =
      line === lastLine || error.offset <= lastEnd || (lastEnd >= 0 && text.slice(lastEnd, error.offset).trim() === '');
    lastEnd = Math.max(lastEnd, error.offset + error.length);
    if (cascade) continue;
    lastLine = line;
    const described = describe(text, locate, error, code);
    problems.push({ offset: described.offset ?? error.offset, code, message: described.message });
    if (code === 'EndOfFileExpected') break;
  }
  // After an earlier slip, errors at the end are usually its echo (a stray quote opens a string
  // that swallows the rest), so "cut short" is reported only when it is the whole story.
  if (truncated && problems.length === 0) {
    problems.push({
      offset: contentEnd,
      code: 'UnexpectedEndOfFile',
      message:
        'the file ends before every {, [ and " is closed: it looks cut short (truncated), perhaps by a failed save or copy',
    });
  }
  return { parsed: null, problems };
}
