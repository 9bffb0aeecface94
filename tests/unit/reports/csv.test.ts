import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/lib/reports/csv';

describe('csvCell', () => {
  it('neutralises a template named like a spreadsheet formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it.each(['+1', '-1+2', '@SUM(A1)', '\tcmd', '\rcmd'])('prefixes %j with an apostrophe', (value) => {
    expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
  });

  it('keeps numbers (also negative) as numbers', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(42)).toBe('42');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = toCsv(['section', 'name'], [['findings', 'rm -rf'], ['changes', '=1+1']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe("section,name\r\nfindings,rm -rf\r\nchanges,'=1+1\r\n");
  });
});
