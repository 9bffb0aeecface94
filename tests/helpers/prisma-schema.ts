import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A small reader for the subset of Prisma schema language this project uses, so a test can
 * compare schema.prisma with the migrated database (Prisma's own differ needs a native engine
 * that cannot be downloaded here).
 */
export interface PrismaColumn {
  field: string;
  column: string;
  type: string;
  list: boolean;
  optional: boolean;
  dbType: string | null;
}
export interface PrismaIndex {
  name: string;
  columns: string[];
  unique: boolean;
}
export interface PrismaRelation {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string | null;
}
export interface PrismaModel {
  name: string;
  table: string;
  columns: PrismaColumn[];
  primaryKey: string[];
  indexes: PrismaIndex[];
  relations: PrismaRelation[];
}
export interface PrismaSchema {
  enums: Record<string, string[]>;
  models: PrismaModel[];
}

const blockPattern = /^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm;

function listArg(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

export function readPrismaSchema(file = path.resolve('prisma/schema.prisma')): PrismaSchema {
  const source = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
  const enums: Record<string, string[]> = {};
  const rawModels: { name: string; body: string }[] = [];
  for (const match of source.matchAll(blockPattern)) {
    const [, kind, name, body] = match as unknown as [string, string, string, string];
    if (kind === 'enum') enums[name] = body.split(/\s+/).filter(Boolean);
    else rawModels.push({ name, body });
  }
  const modelNames = new Set(rawModels.map((m) => m.name));
  const tableOf = (model: string) => {
    const body = rawModels.find((m) => m.name === model)?.body ?? '';
    return /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? model;
  };

  const models = rawModels.map(({ name, body }): PrismaModel => {
    const columns: PrismaColumn[] = [];
    const indexes: PrismaIndex[] = [];
    const relations: PrismaRelation[] = [];
    let primaryKey: string[] = [];
    const fieldToColumn = new Map<string, string>();
    const lines = body.split('\n').map((line) => line.trim()).filter(Boolean);
    for (const line of lines.filter((l) => !l.startsWith('@@'))) {
      const match = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!match) continue;
      const [, field, type, list, optional, attrs] = match as unknown as [string, string, string, string | undefined, string | undefined, string];
      if (modelNames.has(type)) {
        const relation = /@relation\(([^)]*)\)/.exec(attrs)?.[1];
        if (relation && /fields:/.test(relation)) {
          relations.push({
            columns: listArg(/fields:\s*\[([^\]]*)\]/.exec(relation)?.[1] ?? ''),
            referencedTable: tableOf(type),
            referencedColumns: listArg(/references:\s*\[([^\]]*)\]/.exec(relation)?.[1] ?? ''),
            onDelete: /onDelete:\s*(\w+)/.exec(relation)?.[1] ?? null,
          });
        }
        continue;
      }
      const column = /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? field;
      fieldToColumn.set(field, column);
      columns.push({ field, column, type, list: Boolean(list), optional: Boolean(optional), dbType: /@db\.(\w+(?:\(\d+\))?)/.exec(attrs)?.[1] ?? null });
      if (/@id\b/.test(attrs)) primaryKey = [column];
      const unique = /@unique(?:\(map:\s*"([^"]+)"\))?/.exec(attrs);
      if (unique) indexes.push({ name: unique[1] ?? `${tableOf(name)}_${column}_key`, columns: [column], unique: true });
    }
    const toColumns = (fields: string) => listArg(fields).map((f) => fieldToColumn.get(f.replace(/\(.*\)$/, '')) ?? f);
    for (const line of lines.filter((l) => l.startsWith('@@'))) {
      const args = /^@@(\w+)\(\[([^\]]*)\](?:,\s*map:\s*"([^"]+)")?/.exec(line);
      if (!args) continue;
      const [, kind, fields, mapName] = args as unknown as [string, string, string, string | undefined];
      if (kind === 'id') primaryKey = toColumns(fields);
      if (kind === 'unique' || kind === 'index') {
        indexes.push({ name: mapName ?? `(unnamed ${kind})`, columns: toColumns(fields), unique: kind === 'unique' });
      }
    }
    for (const relation of relations) relation.columns = relation.columns.map((f) => fieldToColumn.get(f) ?? f);
    return { name, table: tableOf(name), columns, primaryKey, indexes, relations };
  });
  return { enums, models };
}
