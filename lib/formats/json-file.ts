import { parseJsonText } from '@/lib/http/json';

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

/**
 * VS Code and Gemini CLI settings files may have comments. They become spaces (newlines are
 * kept), so that a parse error in what remains still points at the right line and column of the
 * original text. Trailing commas stay errors: the message names their line and column.
 */
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

/** JSON text (comments allowed) to a value; a 400 naming the line and column when it is not valid. */
export function parseJsonFile(text: string): unknown {
  return parseJsonText(blankComments(text));
}

/** The first character that is not whitespace, a byte-order mark or a comment. */
export function firstSignificantChar(text: string): string | undefined {
  const match = /\S/.exec(blankComments(text.replace(/^\ufeff/, '')));
  return match?.[0];
}
