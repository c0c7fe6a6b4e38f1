import { describe, expect, it } from 'vitest';
import {
  checkJsonSyntax,
  lineAndColumn,
  maxNestingDepth,
  textLocator,
  tooDeepOffset,
} from '../../../scripts/lib/json-syntax.ts';

/** The single problem found in `text`, as `line:col message`. */
function onlyProblem(text: string): string {
  const { problems } = checkJsonSyntax(text);
  expect(problems).toHaveLength(1);
  const [problem] = problems;
  if (!problem) return '';
  const { line, column } = lineAndColumn(text, problem.offset);
  return `${line}:${column} ${problem.message}`;
}

describe('lineAndColumn', () => {
  it('counts from 1, in UTF-16 code units, lines split at \\n', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
  });
});

describe('checkJsonSyntax', () => {
  it('returns the parsed value and no problems for valid JSON', () => {
    const result = checkJsonSyntax('{"a": [1, 2]}');
    expect(result.problems).toEqual([]);
    expect(result.parsed).toEqual({ value: { a: [1, 2] } });
  });

  it.each([
    [
      'a trailing comma in an object, at the comma',
      '{\n  "a": 1,\n}',
      '2:9 a trailing comma before } (at line 3, column 1): JSON allows no comma after the last item; remove this comma',
    ],
    [
      'a trailing comma in a list',
      '{"a": [1, 2, ]}',
      '1:12 a trailing comma before ] (at line 1, column 14): JSON allows no comma after the last item; remove this comma',
    ],
    [
      'smart double quotes',
      '{"a": “b”}',
      '1:7 smart quotes (“): JSON needs straight double quotes ("). A word processor or a chat app may have changed them',
    ],
    ['single quotes', "{'a': 1}", `1:2 a single quote ('): JSON strings and keys need straight double quotes (")`],
    [
      'curly single quotes',
      '{"a": ‘b’}',
      `1:7 a curly single quote (‘): JSON strings and keys need straight double quotes (")`,
    ],
    [
      'a missing comma, where it belongs',
      '{\n  "a": 1\n  "b": 2\n}',
      '2:9 a comma is missing here, between two items (the next one starts at line 3, column 3)',
    ],
    ['two commas', '[1,,2]', '1:4 a value is missing before this comma (two commas in a row?)'],
    [
      'a truncated file, at its end',
      '{"a": [1, 2',
      '1:12 the file ends before every {, [ and " is closed: it looks cut short (truncated), perhaps by a failed save or copy',
    ],
    [
      'a file cut inside a string',
      '{"a": "some te',
      '1:15 the file ends before every {, [ and " is closed: it looks cut short (truncated), perhaps by a failed save or copy',
    ],
    [
      'an HTML page',
      '  <html><body>Not Found</body></html>',
      '1:3 this is a web page (HTML), not the rally data (JSON): an error page saved by mistake, or the wrong file',
    ],
    ['an empty file', ' \n ', '1:1 the file is empty'],
    [
      'a comment',
      '{"a": 1 /* one */}',
      '1:9 JSON does not allow comments: remove it (notes about a rally belong in locationNote)',
    ],
    ['an unquoted key', '{a: 1}', '1:2 a key without quotes: write "a", in straight double quotes'],
    ['unquoted text', '{"a": hello}', '1:7 text without quotes: write "hello", in straight double quotes'],
    ['NaN', '[NaN]', '1:2 NaN is not a JSON number: write a number such as 12.5'],
    ['Python literals', '[None]', '1:2 None is not JSON: the only literals are true, false and null, in lowercase'],
    [
      'a byte-order mark inside',
      '{"a":\ufeff1}',
      '1:6 an invisible byte-order mark (U+FEFF) in the middle of the file: delete it',
    ],
    [
      'a non-breaking space',
      '{"a":\u00a01}',
      '1:6 an invisible special space (U+00A0), not an ordinary one: replace it with a normal space',
    ],
    ['a missing colon', '{"a" 1}', '1:6 a colon (:) is missing between a key and its value'],
    [
      'a line break inside text',
      '{"a": "one\ntwo"}',
      '1:7 a string is not closed on its line: end it with a straight double quote ("); a line break inside text must be written \\n',
    ],
    [
      'a tab inside text',
      '{"a": "one\ttwo"}',
      '1:7 a tab or other control character inside a string: use a space, or write \\t or \\n',
    ],
    [
      'a lone backslash',
      '{"a": "C:\\dir"}',
      '1:7 a backslash that starts no valid escape: write \\\\ for a backslash (or \\n, \\t, \\", \\uXXXX)',
    ],
    ['a bad \\u escape', '{"a": "\\u12"}', '1:7 a \\u escape needs exactly four hexadecimal digits, such as \\u00e9'],
    ['a leading zero', '[012.5]', '1:2 a number cannot start with 0 (write 12.5, not 012.5)'],
    ['a number ending in a point', '[12.]', '1:2 a number is not complete: write 12 or 12.5, not 12. or .5'],
    [
      'a second document',
      '{"a": 1}\n{"b": 2}',
      '2:1 more text after the end of the data: an extra } or ] earlier, or a second document pasted in',
    ],
    [
      'an object closed too early',
      '{"features": [{"id": "a"}, "properties": {}]}',
      '1:40 a "key": value pair where a list item was expected: an object was closed too early (an extra } before this?)',
    ],
  ])('explains %s', (_slip, text, expected) => {
    expect(onlyProblem(text)).toBe(expected);
    expect(checkJsonSyntax(text).parsed).toBeNull();
  });

  it('reports independent slips on separate lines, each once', () => {
    const { problems } = checkJsonSyntax('{\n  "a": “b”,\n  "c": [1, 2,],\n  "d": True\n}');
    expect(
      problems.map((problem) => lineAndColumn('{\n  "a": “b”,\n  "c": [1, 2,],\n  "d": True\n}', problem.offset)),
    ).toEqual([
      { line: 2, column: 8 },
      { line: 3, column: 13 },
      { line: 4, column: 8 },
    ]);
  });
});

describe('textLocator', () => {
  it('places every offset as lineAndColumn does, including line ends and the end of the text', () => {
    const text = 'ab\ncd\r\n\nefg';
    const locate = textLocator(text);
    for (let offset = 0; offset <= text.length + 2; offset += 1) {
      expect(locate(offset)).toEqual(lineAndColumn(text, offset));
    }
  });
});

describe('nesting', () => {
  it('reports 20,000 nested [ as nested too deeply, at the bracket past the limit, without overflowing', () => {
    const text = `{"features": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    const { parsed, problems } = checkJsonSyntax(text);
    expect(parsed).toBeNull();
    expect(problems).toEqual([
      {
        offset: '{"features": '.length + maxNestingDepth - 1,
        code: 'NestedTooDeeply',
        message: `nested too deeply: more than ${maxNestingDepth} levels of [ and { (a rally file needs 6); is this the right file?`,
      },
    ]);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(tooDeepOffset(`["${'['.repeat(1000)}\\"${'{'.repeat(1000)}"]`, 3)).toBeNull();
    expect(tooDeepOffset('[[[[1]]]]', 3)).toBe(3);
    expect(tooDeepOffset('[[[1]]]', 3)).toBeNull();
  });
});
