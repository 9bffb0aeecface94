import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BadRequestError, TooLargeError, ValidationError } from '@/lib/errors';
import { readBodyBytes, readJson } from '@/lib/http/body';
import { formatPath, lineAndColumn, parseJsonText, parseWith } from '@/lib/http/json';

describe('parseJsonText', () => {
  it('names the line and column of the first problem', () => {
    const text = '{\n  "a": 1,\n  "b": ,\n}';
    try {
      parseJsonText(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).code).toBe('invalid_json');
      expect((error as BadRequestError).details).toEqual({ line: 3, column: 8 });
      expect((error as BadRequestError).message).toMatch(/^Invalid JSON at line 3, column 8: /);
    }
  });

  it('reports an unexpected end at the end', () => {
    expect(() => parseJsonText('{"a": [1, 2')).toThrow(/line 1, column 12/);
  });

  it('parses valid JSON', () => {
    expect(parseJsonText('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
  });
});

describe('lineAndColumn', () => {
  it('counts from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('parseWith', () => {
  const schema = z.object({ name: z.string().min(1), items: z.array(z.object({ n: z.number() }).strict()) }).strict();

  it('lists every problem with its path, one per unknown key', () => {
    try {
      parseWith(schema, { name: '', items: [{ n: 1 }, { n: 'x', extra: true }], other: 1, more: 2 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const paths = (error as ValidationError).issues.map((issue) => issue.path).sort();
      expect(paths).toEqual(['items[1].extra', 'items[1].n', 'more', 'name', 'other']);
      expect((error as ValidationError).message).toBe('The request is not valid (5 problems).');
    }
  });

  it('formats paths', () => {
    expect(formatPath(['mcpServers', 'github', 'env', 'TOKEN'])).toBe('mcpServers.github.env.TOKEN');
    expect(formatPath(['trustedCommands', 3])).toBe('trustedCommands[3]');
    expect(formatPath([])).toBe('');
  });
});

describe('request bodies', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://localhost/x', { method: 'POST', body, headers });

  it('refuses a declared Content-Length over the limit before reading', async () => {
    await expect(readBodyBytes(post('x', { 'content-length': '2000' }), 1000)).rejects.toBeInstanceOf(TooLargeError);
  });

  it('cuts off a streamed body that passes the limit', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(600));
      },
    });
    const request = new Request('http://localhost/x', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    await expect(readBodyBytes(request, 1000)).rejects.toBeInstanceOf(TooLargeError);
  });

  it('reads JSON through the schema', async () => {
    const schema = z.object({ a: z.number() }).strict();
    await expect(readJson(post('{"a":1}'), schema)).resolves.toEqual({ a: 1 });
    await expect(readJson(post('{"a":1,"b":2}'), schema)).rejects.toBeInstanceOf(ValidationError);
    await expect(readJson(post('{"a":'), schema)).rejects.toMatchObject({ code: 'invalid_json' });
    await expect(readJson(post(''), schema)).rejects.toMatchObject({ code: 'empty_body' });
  });
});

describe('parseJsonText error positions', () => {
  it.each([
    ['{"a": 1,}', 1, 9, 'trailing comma before }'],
    ['[1, 2,]', 1, 7, 'trailing comma before ]'],
    ['{"a" 1}', 1, 6, "expected ':' after the property name"],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ['{"a": tru}', 1, 7, 'unexpected character "t"'],
    ['{"a": "x\ny"}', 1, 9, 'control character in string'],
    ['{"a": 1} x', 1, 10, 'unexpected content after the JSON value'],
    ['', 1, 1, 'unexpected end of input'],
    ['{\n  "mcpServers": {\n    "github": {"command": "npx",}\n  }\n}', 3, 33, 'trailing comma before }'],
    ['{"a": 01}', 1, 8, "expected ',' or '}'"],
  ])('%j → line %i, column %i', (text, line, column, reason) => {
    expect(() => parseJsonText(text)).toThrow(expect.objectContaining({ details: { line, column }, message: expect.stringContaining(reason) }));
  });

  it('tolerates a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });
});
