import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { BadRequestError } from '@/lib/errors';

/**
 * JSON files written in an order we choose, not the order objects happen to have been built
 * in: a JS object iterates integer-like keys ("10", "2") first whatever their insertion order, so
 * objects are written from explicit entry lists. Output: 2-space indentation, `\n` line endings,
 * a trailing newline — the same bytes for the same input, always.
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

export class JsonObject {
  readonly entries: ReadonlyArray<readonly [string, JsonValue]>;
  constructor(entries: ReadonlyArray<readonly [string, JsonValue | undefined]>) {
    this.entries = entries.filter((entry): entry is readonly [string, JsonValue] => entry[1] !== undefined);
  }
}

/** An object with its keys in the order given; entries whose value is undefined are left out. */
export const obj = (...entries: Array<readonly [string, JsonValue | undefined]>): JsonObject => new JsonObject(entries);

/** Code-unit order: the same in every locale (unlike localeCompare). */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A record as an object with its keys sorted by code unit. */
export function sortedObject<T>(record: Readonly<Record<string, T>>, value: (item: T) => JsonValue): JsonObject {
  return new JsonObject(
    Object.keys(record)
      .sort(byCodeUnit)
      .map((key) => [key, value(record[key] as T)] as const),
  );
}

function write(value: JsonValue, indent: string): string {
  const inner = `${indent}  `;
  if (value instanceof JsonObject) {
    if (value.entries.length === 0) return '{}';
    const lines = value.entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item: JsonValue) => `${inner}${write(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  return JSON.stringify(value);
}

export function jsonFile(value: JsonValue): string {
  return `${write(value, '')}\n`;
}

/** Comments become spaces (newlines are kept); used to find the first significant character. */
export function blankComments(text: string): string {
  const out = text.split('');
  let i = 0;
  while (i < out.length) {
    const c = out[i];
    if (c === '"') {
      i++;
      while (i < out.length && out[i] !== '"' && out[i] !== '\n') i += out[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && out[i + 1] === '/') {
      while (i < out.length && out[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && out[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? out.length : end + 2;
      for (; i < stop; i++) if (out[i] !== '\n' && out[i] !== '\r') out[i] = ' ';
    } else {
      i++;
    }
  }
  return out.join('');
}

const PARSE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end of the value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** A parse tree to plain values; keys become own properties (`__proto__` included), as JSON.parse does. */
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries(
        (node.children ?? []).map((property) => {
          const [key, value] = property.children ?? [];
          return [String(key?.value ?? ''), value ? valueOf(value) : null];
        }),
      );
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value as unknown;
  }
}

/**
 * JSON text to a value, read as VS Code reads settings files (JSONC): comments and trailing commas
 * are accepted; anything else is a 400 naming the line and column of the first error.
 */
export function parseJsonFile(text: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !tree) {
    const offset = first?.offset ?? source.length;
    const { line, column } = lineAndColumn(source, offset);
    const reason = first ? (PARSE_ERRORS[printParseErrorCode(first.error)] ?? 'invalid JSON') : 'the file is empty';
    throw new BadRequestError(`Invalid JSON at line ${line}, column ${column}: ${reason}.`, { line, column }, 'invalid_json');
  }
  return valueOf(tree);
}

/** The first character that is not whitespace, a byte-order mark or a comment. */
export function firstSignificantChar(text: string): string | undefined {
  const match = /\S/.exec(blankComments(text.replace(/^\ufeff/, '')));
  return match?.[0];
}
