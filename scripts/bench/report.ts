// npm run bench:report — the audit report over 90 days of demo data (lib/ingest/demo.ts).
//
// A fresh embedded PostgreSQL (or DATABASE_URL), an organization with an owner, `runDemo` (four
// teams, 56 people, every upload format), then BENCH_RUNS (default 5) builds of the 90-day report
// for the organization and for one team, each rendered to all four formats. Prints the time of
// each step and the process's peak RSS / heap, and last:
// `RESULT build_ms=<median org build> pdf_ms=<median pdf render> rss_mb=<peak>`.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensurePrismaClient } from '../lib/prisma-client.ts';

ensurePrismaClient();
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const { openDatabase, openEmbeddedDatabase } = await import('../../lib/db/embedded.ts');
const { migrateDatabase } = await import('../../lib/db/migrate.ts');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 20);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

async function main(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'pilotlight-bench-report-'));
  await fs.chmod(tmp, 0o755);
  const handle = process.env.DATABASE_URL ? await openDatabase() : await openEmbeddedDatabase(path.join(tmp, 'data'));
  process.env.DATABASE_URL = handle.url;
  await migrateDatabase(handle.url);
  const { getPool, closeDatabaseConnections } = await import('../../lib/db/client.ts');
  const { provisionUser } = await import('../../lib/admin/provision.ts');
  const { runDemo } = await import('../../lib/ingest/demo.ts');
  const { scopesForRole } = await import('../../lib/auth/permissions.ts');
  const { parseFilters } = await import('../../lib/analytics/filters.ts');
  const { addDays } = await import('../../lib/analytics/time.ts');
  const { buildAuditReport } = await import('../../lib/reports/build.ts');
  const { renderJson } = await import('../../lib/reports/render/json.ts');
  const { renderCsv } = await import('../../lib/reports/render/csv.ts');
  const { renderHtml } = await import('../../lib/reports/render/html.ts');
  const { renderPdfBuffer } = await import('../../lib/reports/render/pdf.ts');
  try {
    const email = `bench-${Date.now()}@example.com`;
    const made = await provisionUser({ email, password: 'bench password 1234', role: 'OWNER', org: `Bench report ${Date.now()}` });
    const [, demoMs] = await timed(() => runDemo(made.orgId, made.userId, 'OWNER', email));
    const counts = await getPool().query<{ events: number; prompts: number; activity: number }>(
      `SELECT (SELECT count(*)::int FROM telemetry_event WHERE org_id = $1) AS events, (SELECT count(*)::int FROM prompt_log_record WHERE org_id = $1) AS prompts,
              (SELECT count(*)::int FROM user_activity_day WHERE org_id = $1) AS activity`,
      [made.orgId],
    );
    console.log(`demo ingested in ${Math.round(demoMs)} ms: ${JSON.stringify(counts.rows[0])}`);
    const created = await getPool().query<{ created_at: Date }>('SELECT created_at FROM organization WHERE id = $1', [made.orgId]);
    // The demo's 90 days end the day after the organization was created.
    const to = addDays(created.rows[0]!.created_at.toISOString().slice(0, 10), 1);
    const from = addDays(to, -89);
    const actor = { kind: 'user' as const, userId: made.userId, orgId: made.orgId, role: 'OWNER' as const, scopes: scopesForRole('OWNER'), label: email };
    for (const team of [null, 'payments']) {
      const builds: number[] = [];
      const renders: Record<string, number[]> = { json: [], csv: [], html: [], pdf: [] };
      let sizes: Record<string, number> = {};
      for (let run = 0; run < RUNS; run++) {
        const [report, buildMs] = await timed(() => buildAuditReport(actor, parseFilters({ from, to, ...(team ? { team } : {}) })));
        builds.push(buildMs);
        const [json, jsonMs] = await timed(async () => renderJson(report));
        const [csv, csvMs] = await timed(async () => renderCsv(report));
        const [html, htmlMs] = await timed(async () => renderHtml(report));
        const [pdf, pdfMs] = await timed(() => renderPdfBuffer(report));
        renders.json!.push(jsonMs);
        renders.csv!.push(csvMs);
        renders.html!.push(htmlMs);
        renders.pdf!.push(pdfMs);
        sizes = { json: json.length, csv: csv.length, html: html.length, pdf: pdf.length };
        if (run === 0) console.log(`${team ?? 'organization'} ${from}..${to}: ${report.activity.kpis.map((k) => `${k.id}=${k.value}`).join(' ')} versions=${report.policy.versions.length} downloads=${report.activity.downloads.total} chain=${report.integrity.chain.status}`);
      }
      console.log(
        `${team ?? 'organization'}: build median ${Math.round(median(builds))} ms (min ${Math.round(Math.min(...builds))}, max ${Math.round(Math.max(...builds))}); render median json ${median(renders.json!).toFixed(1)} ms, csv ${median(renders.csv!).toFixed(1)} ms, html ${median(renders.html!).toFixed(1)} ms, pdf ${Math.round(median(renders.pdf!))} ms; bytes ${JSON.stringify(sizes)}`,
      );
      if (!team) console.log(`RESULT build_ms=${Math.round(median(builds))} pdf_ms=${Math.round(median(renders.pdf!))} rss_mb=${Math.round(peakRss / 1048576)} heap_mb=${Math.round(peakHeap / 1048576)}`);
    }
    console.log(`peak RSS ${Math.round(peakRss / 1048576)} MB, peak heap ${Math.round(peakHeap / 1048576)} MB`);
  } finally {
    clearInterval(sampler);
    await closeDatabaseConnections();
    await handle.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

await main();
