import { describe, expect, it } from 'vitest';
import { readCsv, readJsonElements, readNdjson } from '@/lib/ingest/readers';
import { chunked, collect } from './helpers';

const options = { maxRecordBytes: 1024 * 1024 };

describe('NDJSON reader', () => {
  it('numbers records by line, skips blank lines, reports bad JSON by line, handles CRLF and a BOM', async () => {
    const text = '\uFEFF{"a":1}\r\n\r\n{"a":2}\nnot json\n[1]\n{"a":3}';
    const records = await collect(readNdjson(chunked(Buffer.from(text), 3), options));
    expect(records.map((r) => [r.record, r.value ?? r.error?.slice(0, 12)])).toEqual([
      [1, { a: 1 }],
      [3, { a: 2 }],
      [4, 'Invalid JSON'],
      [5, 'Expected a J'],
      [6, { a: 3 }],
    ]);
  });

  it('refuses a line over the per-record limit without holding it', async () => {
    const long = `{"a":"${'x'.repeat(5000)}"}`;
    const records = await collect(readNdjson(chunked(Buffer.from(`{"a":1}\n${long}\n{"a":2}\n`), 100), { maxRecordBytes: 1000 }));
    expect(records.map((r) => [r.record, r.error ? 'error' : 'ok'])).toEqual([
      [1, 'ok'],
      [2, 'error'],
      [3, 'ok'],
    ]);
    expect(records[1]!.error).toContain('1000 bytes');
  });
});

describe('JSON reader', () => {
  it('streams array elements with 1-based indexes', async () => {
    const records = await collect(readJsonElements(chunked(Buffer.from('[{"a":1}, 2, {"a":3}]'), 4), '$.*', options));
    expect(records.map((r) => [r.record, r.value ?? r.error])).toEqual([
      [1, { a: 1 }],
      [2, 'Expected a JSON object.'],
      [3, { a: 3 }],
    ]);
  });

  it('reads the records of a prompt log and reports where malformed JSON starts', async () => {
    const records = await collect(readJsonElements(chunked(Buffer.from('{"records":[{"x":1},{"x":2},{"x":'), 5), '$.records.*', options));
    expect(records.map((r) => r.record)).toEqual([1, 2, 3]);
    expect(records[2]!.error).toMatch(/Could not read the JSON/);
  });
});

describe('CSV reader', () => {
  it('handles a BOM, CRLF, quoted commas and quoted newlines, with the starting line of each record', async () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y",3\r\n2,"multi\r\nline",4\r\n\r\n5,6,7\r\n8,9,10,extra\r\n';
    let header: string[] = [];
    const records = await collect(readCsv(chunked(Buffer.from(text), 7), { ...options, onHeader: (h) => (header = h) }));
    expect(header).toEqual(['a', 'b', 'c']);
    expect(records.map((r) => [r.record, r.value])).toEqual([
      [2, { a: '1', b: 'x, y', c: '3' }],
      [3, { a: '2', b: 'multi\r\nline', c: '4' }],
      [6, { a: '5', b: '6', c: '7' }],
      [7, { a: '8', b: '9', c: '10', column_4: 'extra' }],
    ]);
  });
});
