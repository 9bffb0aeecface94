import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CommandClassifier } from '@/lib/ingest/classify';
import type { EnrichContext, EventPolicy, TeamRef } from '@/lib/ingest/context';
import type { CopyValue } from '@/lib/ingest/copy-text';
import { SAMPLES_DIR } from '../../helpers/samples';

export const SAMPLES = SAMPLES_DIR;

export function sample(name: string): Buffer {
  return readFileSync(path.join(SAMPLES, name));
}

export async function* chunked(bytes: Buffer, size = 97): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function collect<T>(source: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of source) out.push(...batch);
  return out;
}

/** A pure enrichment context: teams and policies given in the test, no database. */
export function testContext(options: { teams?: Record<string, string>; uploadTeam?: string; identities?: Record<string, string>; policies?: Record<string, EventPolicy> } = {}) {
  const teams = new Map(Object.entries(options.teams ?? {}).map(([slug, id]) => [slug, { id, slug } satisfies TeamRef]));
  const unknownTeams: string[] = [];
  const unknownColumns: string[] = [];
  const ctx: EnrichContext = {
    orgId: '11111111-1111-1111-1111-111111111111',
    uploadId: '22222222-2222-2222-2222-222222222222',
    uploadTeam: options.uploadTeam ? (teams.get(options.uploadTeam) ?? null) : null,
    teamBySlug: (slug) => teams.get(slug) ?? null,
    identityTeam: (key) => options.identities?.[key] ?? null,
    identityEmail: () => null,
    policyFor: (teamId) => (teamId && options.policies?.[teamId]) || { ref: 'defaults', trustedCommands: [], telemetryDisabled: false },
    classifier: new CommandClassifier(),
    noteUnknownTeam: (slug) => unknownTeams.push(slug),
    noteUnknownColumn: (name) => unknownColumns.push(name),
  };
  return { ctx, unknownTeams, unknownColumns };
}

/** A mapped row as an object keyed by column names. */
export function rowObject(columns: readonly string[], row: CopyValue[]): Record<string, CopyValue> {
  return Object.fromEntries(columns.map((c, i) => [c, row[i]]));
}
