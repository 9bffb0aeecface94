import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import JSONParser from '@streamparser/json/jsonparser.js';
import { parse as parseCsv } from 'csv-parse';
import { formatBytes } from './limits';

/**
 * Streaming readers: decompressed bytes in, records out, one at a time. Every record carries
 * its number as a person would find it: the line (NDJSON, CSV: header = line 1) or the 1-based
 * index in the array / `records` (JSON). A record that cannot be read is an error record; the
 * reader goes on with the next one whenever the format allows it.
 */
export type RawRecord = { record: number; value: unknown; error?: undefined } | { record: number; error: string; value?: undefined };

export interface ReaderOptions {
  maxRecordBytes: number;
}

/** NDJSON: one JSON object per line; blank lines are skipped but counted. */
export async function* readNdjson(chunks: AsyncIterable<Buffer>, options: ReaderOptions): AsyncGenerator<RawRecord[]> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  let oversized = false;
  const parseLine = (text: string, out: RawRecord[]) => {
    line++;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') return;
    if (Buffer.byteLength(trimmed) > options.maxRecordBytes) {
      out.push({ record: line, error: `The line is longer than the limit of ${formatBytes(options.maxRecordBytes)} per record.` });
      return;
    }
    try {
      const value: unknown = JSON.parse(line === 1 ? trimmed.replace(/^\uFEFF/, '') : trimmed);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) out.push({ record: line, error: 'Expected a JSON object on this line.' });
      else out.push({ record: line, value });
    } catch (error) {
      out.push({ record: line, error: `Invalid JSON: ${(error as Error).message}` });
    }
  };
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    const out: RawRecord[] = [];
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1) break;
      const piece = text.slice(start, newline);
      if (oversized) {
        line++;
        out.push({ record: line, error: `The line is longer than the limit of ${formatBytes(options.maxRecordBytes)} per record.` });
        oversized = false;
        pending = '';
      } else {
        parseLine(pending ? pending + piece : piece, out);
        pending = '';
      }
      start = newline + 1;
    }
    if (!oversized) {
      pending += text.slice(start);
      // A line past the limit is dropped as it streams (memory stays flat) and reported once it ends.
      if (pending.length > options.maxRecordBytes) {
        oversized = true;
        pending = '';
      }
    }
    if (out.length) yield out;
  }
  const out: RawRecord[] = [];
  const tail = pending + decoder.end();
  if (oversized) out.push({ record: line + 1, error: `The line is longer than the limit of ${formatBytes(options.maxRecordBytes)} per record.` });
  else if (tail) parseLine(tail, out);
  if (out.length) yield out;
}

/**
 * JSON: the elements of a top-level array (`path: '$.*'`) or of `records` in a prompt log
 * (`'$.records.*'`), parsed by @streamparser/json without keeping what was already emitted.
 * Malformed JSON ends the file: what came before is kept, the rest is one error record.
 */
export async function* readJsonElements(chunks: AsyncIterable<Buffer>, path: '$.*' | '$.records.*', options: ReaderOptions): AsyncGenerator<RawRecord[]> {
  const parser = new JSONParser({ paths: [path], keepStack: false });
  let out: RawRecord[] = [];
  let emitted = 0;
  let bytesSinceValue = 0;
  let sawRoot = false;
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 0) {
      sawRoot = true;
      return;
    }
    const index = typeof key === 'number' ? key : emitted;
    emitted++;
    bytesSinceValue = 0;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) out.push({ record: index + 1, error: 'Expected a JSON object.' });
    else out.push({ record: index + 1, value });
  };
  let failed: string | null = null;
  parser.onError = (error) => {
    failed ??= error.message;
  };
  parser.onEnd = () => {
    sawRoot = true;
  };
  // Small slices, so an oversized record is noticed after about the limit, not a whole chunk later.
  const SLICE = 64 * 1024;
  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.length && !failed; offset += SLICE) {
      const slice = chunk.subarray(offset, offset + SLICE);
      try {
        parser.write(slice);
      } catch (error) {
        failed ??= (error as Error).message;
      }
      bytesSinceValue += slice.length;
      if (!failed && bytesSinceValue > options.maxRecordBytes + SLICE) failed = `record larger than the limit of ${formatBytes(options.maxRecordBytes)}`;
    }
    if (out.length) {
      yield out;
      out = [];
    }
    if (failed) break;
  }
  if (!failed && !parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      failed ??= (error as Error).message;
    }
  }
  if (!failed && !sawRoot) failed = 'the JSON document is incomplete';
  if (failed) out.push({ record: emitted + 1, error: `Could not read the JSON from this record on: ${failed}.` });
  if (out.length) yield out;
}

/** CSV rows as {header: cell}, and the header itself through `onHeader`. */
export async function* readCsv(chunks: AsyncIterable<Buffer>, options: ReaderOptions & { onHeader(columns: string[]): void }): AsyncGenerator<RawRecord[]> {
  const parser = parseCsv({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: options.maxRecordBytes,
  });
  const skipped: RawRecord[] = [];
  parser.on('skip', (error: Error & { lines?: number }) => {
    skipped.push({ record: error.lines ?? 0, error: `Invalid CSV: ${error.message}` });
  });
  const input = Readable.from(chunks);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: string[] | null = null;
  // csv-parse counts a CRLF inside a quoted cell as two lines; undo that for the numbers we report.
  let drift = 0;
  let out: RawRecord[] = [];
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    let breaks = 0;
    for (const cell of item.record) {
      if (cell.length > 0 && (cell.includes('\n') || cell.includes('\r'))) {
        drift += cell.split('\r\n').length - 1;
        breaks += (cell.match(/\r\n|\r|\n/g) ?? []).length;
      }
    }
    const start = item.info.lines - drift - breaks;
    if (!header) {
      header = item.record.map((cell) => cell.trim());
      options.onHeader(header);
      continue;
    }
    const row: Record<string, string> = {};
    for (let i = 0; i < item.record.length; i++) {
      const name = header[i] ?? `column_${i + 1}`;
      row[name] = item.record[i]!;
    }
    out.push({ record: start, value: row });
    if (skipped.length) out.push(...skipped.splice(0));
    if (out.length >= 500) {
      yield out;
      out = [];
    }
  }
  out.push(...skipped.splice(0));
  if (out.length) yield out;
}
