import 'server-only';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { scopesForRole, type Actor, type Role } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db/client';
import { assignTeamPolicy, createTeam } from '@/lib/teams/teams';
import { createTemplate } from '@/lib/templates/templates';
import { importIdentities } from './identities';
import { ingestUpload, type UploadResult } from './pipeline';

/**
 * `npm run demo`: 90 days of realistic activity for an organization — four teams (two
 * production, two development, each with a policy), 56 people, every upload format, and some
 * violations of every kind — ingested through the same pipeline as POST /api/v1/uploads.
 * Deterministic (a seeded generator anchored to the organization's creation day), and a file
 * whose bytes were uploaded before is skipped, so a second run adds nothing.
 */
const DAYS = 90;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'niaj', 'olivia', 'peggy'];
const LAST = ['nguyen', 'schmidt', 'okafor', 'tanaka'];
const TEAMS = [
  { slug: 'payments', name: 'Payments', environment: 'production' as const, template: 'Demo: supervised production (telemetry off)' },
  { slug: 'platform', name: 'Platform', environment: 'production' as const, template: 'Demo: platform production' },
  { slug: 'web', name: 'Web', environment: 'development' as const, template: 'Demo: autopilot development' },
  { slug: 'mobile', name: 'Mobile', environment: 'development' as const, template: 'Demo: autopilot development' },
];
const TEMPLATES: Record<string, Record<string, unknown>> = {
  'Demo: supervised production (telemetry off)': { mode: 'supervised', trustedCommands: ['npm test', 'git status', 'git diff'], telemetry: { enabled: false, usageStatisticsEnabled: false }, sandbox: 'docker', excludeTools: ['run_shell_command'] },
  'Demo: platform production': { mode: 'supervised', trustedCommands: ['npm test', 'make build', 'git status'], telemetry: { enabled: true, usageStatisticsEnabled: false }, sandbox: 'docker' },
  'Demo: autopilot development': { mode: 'autopilot', trustedCommands: ['npm *', 'git *', 'pnpm test'], telemetry: { enabled: true, usageStatisticsEnabled: true } },
};

interface Person {
  guid: string;
  email: string;
  team: string;
  activity: number;
}

function people(random: () => number): Person[] {
  const out: Person[] = [];
  for (const first of FIRST) {
    for (const last of LAST) {
      const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
      const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      out.push({ guid, email: `${first}.${last}@example.com`, team: TEAMS[out.length % TEAMS.length]!.slug, activity: 0.3 + random() * 0.7 });
    }
  }
  return out;
}

const COMMANDS = [
  ['npm test', 30], ['git status', 20], ['git diff', 10], ['npm run build', 10], ['make build', 6], ['pnpm test', 5], ['ls -la src', 5],
  ['npm i && curl -s https://get.example.com/install.sh | sh', 1], ['rm -rf node_modules dist', 2], ['sudo systemctl restart app', 1], ['chmod 777 deploy.sh', 1], ['terraform apply -auto-approve', 1],
] as const;
const FEATURES = ['specs', 'hooks', 'steering', 'mcp', 'chat', 'autopilot', 'supervised'];
const ERRORS = ['Model request timed out', 'MCP server github exited with code 1', 'Rate limit exceeded, retrying', 'Failed to read /Users/dev/src/payments/.env', 'Could not reach prod.download.desktop.kiro.dev'];
const PROMPTS = ['Help me implement user authentication', 'Why does this test fail?', 'Refactor the payment module to use the new client', 'Explain this regex', 'Write a migration for the orders table', 'Add retries to the HTTP client'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted(random: () => number): string {
  const total = COMMANDS.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [command, w] of COMMANDS) if ((r -= w) < 0) return command;
  return COMMANDS[0][0];
}

interface DemoFile {
  name: string;
  bytes: Buffer;
}

function generate(anchor: Date): { identities: string; files: DemoFile[] } {
  const random = prng(42);
  const crew = people(random);
  const identities = `userId,email,team\n${crew.map((p) => `d-9067c1a2f0.${p.guid},${p.email},${p.team}`).join('\n')}\n`;
  const start = anchor.getTime() - DAYS * 86_400_000;
  const files: DemoFile[] = [];
  for (let week = 0; week < Math.ceil(DAYS / 7); week++) {
    const telemetry: Record<string, unknown>[] = [];
    const chat: unknown[] = [];
    const inline: unknown[] = [];
    const activityRows: string[] = [];
    const kiroRows: string[] = [];
    for (let d = week * 7; d < Math.min(DAYS, week * 7 + 7); d++) {
      const day = new Date(start + d * 86_400_000);
      const weekday = day.getUTCDay() % 6 !== 0;
      const date = day.toISOString().slice(0, 10);
      crew.forEach((person, pi) => {
        if (random() > person.activity * (weekday ? 1 : 0.15)) return;
        const at = (minute: number) => new Date(day.getTime() + (8 * 60 + minute) * 60_000).toISOString();
        const count = 2 + Math.floor(random() * 8);
        for (let n = 0; n < count; n++) {
          const base = { id: `demo-${date}-${pi}-${n}`, timestamp: at(Math.floor(random() * 600)), user: person.email, team: person.team, client: random() < 0.7 ? 'kiro-ide' : 'kiro-cli', clientVersion: pick(random, ['0.9.2', '0.10.1', '1.0.0']), os: pick(random, ['macos', 'macos', 'linux', 'windows']) };
          const r = random();
          if (r < 0.45) telemetry.push({ ...base, kind: 'feature_used', feature: pick(random, FEATURES), name: 'feature.used' });
          else if (r < 0.65) telemetry.push({ ...base, kind: 'performance', name: pick(random, ['agent.response_latency', 'spec.generation']), durationMs: Math.round(300 * Math.exp(random() * 3)) });
          else if (r < 0.75) {
            const message = pick(random, ERRORS);
            telemetry.push({ ...base, kind: 'error', name: 'agent.error', message: random() < 0.05 ? `${message} (reported by ${person.email})` : message });
          } else telemetry.push({ ...base, kind: 'command_executed', name: 'shell', command: weighted(random), decision: pick(random, ['auto', 'auto', 'approved', 'denied']) });
        }
        if (random() < 0.6) {
          const prompt = pick(random, PROMPTS) + (random() < 0.03 ? ' — my token is ghp_Demo1234567890abcdefghijklmnopqrstu' : '');
          chat.push({
            generateAssistantResponseEventRequest: { prompt, chatTriggerType: random() < 0.7 ? 'MANUAL' : 'INLINE_CHAT', customizationArn: null, userId: `d-9067c1a2f0.${person.guid}`, timeStamp: `${at(Math.floor(random() * 600)).slice(0, 19)}.${String(Math.floor(random() * 1e9)).padStart(9, '0')}Z`, modelId: pick(random, ['auto', 'claude-sonnet-4', 'claude-haiku-4']) },
            generateAssistantResponseEventResponse: { assistantResponse: 'Here is a plan …', followupPrompts: '', messageMetadata: { conversationId: `c-${date}-${pi}`, utteranceId: null }, codeReferenceEvents: [], supplementaryWebLinksEvent: [], requestId: `demo-chat-${date}-${pi}` },
          });
        }
        if (random() < 0.5) {
          inline.push({
            generateCompletionsEventRequest: { leftContext: "import * as cdk from 'aws-cdk-lib';\n", rightContext: '', fileName: `stack-${pi}.ts`, customizationArn: null, userId: `d-9067c1a2f0.${person.guid}`, timeStamp: `${at(Math.floor(random() * 600)).slice(0, 19)}.${String(Math.floor(random() * 1e6)).padStart(6, '0')}Z` },
            generateCompletionsEventResponse: { completions: ['new cdk.App();'], requestId: `demo-inline-${date}-${pi}` },
          });
        }
        const mmddyyyy = `${date.slice(5, 7)}-${date.slice(8, 10)}-${date.slice(0, 4)}`;
        const n = () => Math.floor(random() * 40);
        activityRows.push(`"${person.guid}",${mmddyyyy},${n()},${n()},${n()},${n()},${n()},${n() * 3}`);
        kiroRows.push(`${date},${person.guid},${random() < 0.8 ? 'IDE' : 'CLI'},${n()},${(random() * 20).toFixed(2)},${n()},${n()},${person.email}`);
      });
    }
    const w = String(week + 1).padStart(2, '0');
    const ndjson = `${telemetry.map((e) => JSON.stringify(e)).join('\n')}\n`;
    if (week % 4 === 1) files.push({ name: `telemetry-week-${w}.ndjson.gz`, bytes: gzipSync(ndjson) });
    else if (week % 4 === 2) files.push({ name: `telemetry-week-${w}.json`, bytes: Buffer.from(JSON.stringify(telemetry)) });
    else if (week % 4 === 3) {
      const columns = ['id', 'timestamp', 'user', 'team', 'client', 'clientVersion', 'os', 'kind', 'feature', 'name', 'durationMs', 'message', 'command', 'decision'];
      const cell = (v: unknown) => (v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
      files.push({ name: `telemetry-week-${w}.csv`, bytes: Buffer.from(`${columns.join(',')}\r\n${telemetry.map((e) => columns.map((c) => cell(e[c])).join(',')).join('\r\n')}\r\n`) });
    } else files.push({ name: `telemetry-week-${w}.ndjson`, bytes: Buffer.from(ndjson) });
    files.push({ name: `GenerateAssistantResponse-week-${w}.json.gz`, bytes: gzipSync(JSON.stringify({ records: chat })) });
    files.push({ name: `GenerateCompletions-week-${w}.json.gz`, bytes: gzipSync(JSON.stringify({ records: inline })) });
    files.push({ name: `by_user_analytic-week-${w}.csv`, bytes: Buffer.from(`UserId,Date,Chat_AICodeLines,Chat_MessagesInteracted,Chat_MessagesSent,Inline_AICodeLines,Inline_AcceptanceCount,Inline_SuggestionsCount\n${activityRows.join('\n')}\n`) });
    files.push({ name: `IDE_user_report-week-${w}.csv`, bytes: Buffer.from(`\uFEFFDate,UserId,Client_Type,Chat_Conversations,Credits_Used,Total_Messages,claude-sonnet-4_messages,User_Email\r\n${kiroRows.join('\r\n')}\r\n`) });
  }
  // A batch with problems of its own: an unknown kind, a bad timestamp.
  files.push({ name: 'telemetry-rejects.ndjson', bytes: Buffer.from('{"id":"demo-bad-1","timestamp":"yesterday","kind":"feature_used"}\n{"id":"demo-bad-2","timestamp":"2026-01-01T00:00:00Z","kind":"telepathy"}\n') });
  return { identities, files };
}

export interface DemoReport {
  organization: string;
  teamsCreated: number;
  uploaded: { name: string; result: Pick<UploadResult, 'format' | 'accepted' | 'duplicates' | 'rejected'> }[];
  skipped: number;
}

/** Populates `orgId` as `ownerUserId` (an owner or admin of it). */
export async function runDemo(orgId: string, ownerUserId: string, role: Role, label: string, log: (line: string) => void = () => {}): Promise<DemoReport> {
  const actor: Actor = { kind: 'user', userId: ownerUserId, orgId, role, scopes: scopesForRole(role), label };
  const pool = getPool();
  const org = await pool.query<{ name: string; created_at: Date }>('SELECT name, created_at FROM organization WHERE id = $1', [orgId]);
  const anchor = new Date(org.rows[0]!.created_at.toISOString().slice(0, 10) + 'T00:00:00Z');
  anchor.setUTCDate(anchor.getUTCDate() + 1);

  let teamsCreated = 0;
  const templates = await pool.query<{ id: string; name: string }>('SELECT id, name FROM policy_template WHERE org_id = $1', [orgId]);
  const templateIds = new Map(templates.rows.map((t) => [t.name, t.id]));
  for (const [name, settings] of Object.entries(TEMPLATES)) {
    if (!templateIds.has(name)) templateIds.set(name, (await createTemplate(actor, { name, settings, acknowledgeRisks: [] })).id);
  }
  const teams = await pool.query<{ slug: string }>('SELECT slug FROM team WHERE org_id = $1', [orgId]);
  const existing = new Set(teams.rows.map((t) => t.slug));
  for (const team of TEAMS) {
    if (existing.has(team.slug)) continue;
    const created = await createTeam(actor, { name: team.name, slug: team.slug, environment: team.environment });
    await assignTeamPolicy(actor, created.id, { templateId: templateIds.get(team.template) });
    teamsCreated++;
  }

  const { identities, files } = generate(anchor);
  const identityCount = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM identity WHERE org_id = $1', [orgId]);
  if (identityCount.rows[0]!.n === 0) await importIdentities(actor, Buffer.from(identities));
  const uploaded: DemoReport['uploaded'] = [];
  let skipped = 0;
  for (const file of files) {
    const sha = createHash('sha256').update(file.bytes).digest('hex');
    const seen = await pool.query('SELECT 1 FROM upload WHERE org_id = $1 AND sha256 = $2', [orgId, sha]);
    if (seen.rowCount) {
      skipped++;
      continue;
    }
    const result = await ingestUpload(actor, {
      body: (async function* () {
        for (let i = 0; i < file.bytes.length; i += 1 << 16) yield file.bytes.subarray(i, i + (1 << 16));
      })(),
      fileName: file.name,
    });
    uploaded.push({ name: file.name, result: { format: result.format, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected } });
    log(`${file.name}: ${result.format}, ${result.accepted} accepted, ${result.duplicates} duplicates, ${result.rejected} rejected`);
  }
  return { organization: org.rows[0]!.name, teamsCreated, uploaded, skipped };
}
