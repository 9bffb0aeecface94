import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPrismaSchema, type PrismaColumn } from '../helpers/prisma-schema';

/**
 * schema.prisma is the typed mirror of the SQL migrations. This test fails when they drift:
 * tables, columns, types, nullability, primary keys, unique constraints, indexes, foreign keys
 * and enums must match the migrated database exactly.
 */
const schema = readPrismaSchema();
let client: pg.Client;

// Indexes that exist in SQL only, because Prisma's schema language cannot express them.
const SQL_ONLY_INDEXES: Record<string, string> = {
  member_invitation_open_key: 'partial unique index: one open invitation per organization and e-mail',
};

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

function expectedType(column: PrismaColumn, enums: Record<string, string[]>): string {
  if (enums[column.type]) return column.type;
  const byDbType: Record<string, string> = { Uuid: 'uuid', 'Timestamptz(3)': 'timestamptz(3)', Text: 'text' };
  const byType: Record<string, string> = { String: 'text', Int: 'int4', BigInt: 'int8', Boolean: 'bool', Json: 'jsonb', DateTime: 'timestamp(3)', Float: 'float8' };
  const base = column.dbType ? (byDbType[column.dbType] ?? column.dbType.toLowerCase()) : (byType[column.type] ?? column.type);
  return column.list ? `${base}[]` : base;
}

describe('schema.prisma matches the migrated database', () => {
  it('has the same tables', async () => {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'pgmigrations' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name).filter((t) => !/_p\d{6}$|_default$/.test(t))).toEqual(schema.models.map((m) => m.table).sort());
  });

  it('has the same enums', async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(schema.enums);
  });

  for (const model of schema.models) {
    describe(`${model.name} (${model.table})`, () => {
      it('has the same columns, types and nullability', async () => {
        const { rows } = await client.query<{ column_name: string; type: string; nullable: boolean }>(
          `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
           FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attname`,
          [model.table],
        );
        const normalize = (type: string) =>
          type
            .replace('timestamp(3) with time zone', 'timestamptz(3)')
            .replace('timestamp(3) without time zone', 'timestamp(3)')
            .replace(/^text\[\]$/, 'text[]')
            .replace('integer', 'int4')
            .replace('bigint', 'int8')
            .replace('boolean', 'bool')
            .replace('double precision', 'float8')
            .replace(/^"(\w+)"$/, '$1');
        const actual = rows.map((r) => ({ column: r.column_name, type: normalize(r.type), nullable: r.nullable }));
        const expected = model.columns
          .map((c) => ({ column: c.column, type: expectedType(c, schema.enums), nullable: c.optional }))
          .sort((a, b) => a.column.localeCompare(b.column));
        expect(actual).toEqual(expected);
      });

      it('has the same primary key', async () => {
        const { rows } = await client.query<{ attname: string }>(
          `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
           WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
          [model.table],
        );
        expect(rows.map((r) => r.attname)).toEqual(model.primaryKey);
      });

      it('has the same unique constraints and indexes', async () => {
        const { rows } = await client.query<{ name: string; columns: string[]; unique: boolean }>(
          `SELECT c.relname AS name, i.indisunique AS unique,
                  array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
           WHERE i.indrelid = $1::regclass AND NOT i.indisprimary ORDER BY 1`,
          [model.table],
        );
        const actual = rows.filter((r) => !SQL_ONLY_INDEXES[r.name]).map((r) => ({ name: r.name, columns: r.columns, unique: r.unique }));
        expect(actual).toEqual([...model.indexes].sort((a, b) => a.name.localeCompare(b.name)));
      });

      it('has the same foreign keys', async () => {
        const { rows } = await client.query<{ columns: string[]; referenced_table: string; referenced_columns: string[]; on_delete: string }>(
          `SELECT array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns,
                  c.confrelid::regclass::text AS referenced_table,
                  array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                        JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS referenced_columns,
                  c.confdeltype AS on_delete
           FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype = 'f'`,
          [model.table],
        );
        const deleteRule: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };
        const actual = rows
          .map((r) => ({ columns: r.columns, referencedTable: r.referenced_table, referencedColumns: r.referenced_columns, onDelete: deleteRule[r.on_delete] }))
          .sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
        const expected = model.relations
          .map((r) => ({ ...r, onDelete: r.onDelete ?? 'NoAction' }))
          .sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
        expect(actual).toEqual(expected);
      });
    });
  }
});
