import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { BadRequestError, ConflictError } from '@/lib/errors';
import { checkCoverage, entryMatches } from '@/lib/policy/coverage';
import { lintSettings } from '@/lib/policy/lint';
import { getEffectivePolicy } from '@/lib/teams/effective';
import { getTeam, listTeams } from '@/lib/teams/teams';
import { getTemplate, saveTemplateVersion } from '@/lib/templates/templates';
import { Params, queryContext, run, whereClause, type QueryContext } from './context';
import type { MetricsFilters } from './filters';

/**
 * Policy insights per team, from what people actually ran (telemetry_text_daily, the rollup of
 * executed commands by text) against the team's effective policy of today:
 * - commands approved by hand at least N times that lint clean → add them to the trusted list;
 * - trusted entries no executed command used → candidates to remove;
 * - dangerous commands that ran automatically → the trusted entry that let them through.
 */
export const APPROVALS_THRESHOLD = 3;

export interface TeamInsights {
  team: { id: string; name: string; slug: string };
  /** The team's own template (where a change would go), if it has one. */
  template: { id: string; name: string } | null;
  trustCandidates: { command: string; approvals: number }[];
  unusedTrusted: string[];
  autoExecutedDangerous: { command: string; runs: number; trustedBy: string | null }[];
}

interface CommandRow {
  team_id: string;
  text: string;
  decision: string;
  dangerous: boolean;
  untrusted: boolean;
  n: string;
}

async function commandRows(ctx: QueryContext): Promise<CommandRow[]> {
  const p = new Params();
  return run<CommandRow>(
    `SELECT team_id::text, text, decision, dangerous, untrusted, sum(events) AS n FROM telemetry_text_daily
      WHERE ${whereClause(ctx, p, { time: 'day', timeKind: 'date', team: 'team_id' })} AND kind = 'command_executed'
      GROUP BY 1, 2, 3, 4, 5`,
    p,
  );
}

/** True when trusting `command` adds no lint finding on it. */
function lintsClean(settings: Parameters<typeof lintSettings>[0], environment: 'development' | 'production', command: string): boolean {
  const index = settings.trustedCommands.length;
  const findings = lintSettings({ ...settings, trustedCommands: [...settings.trustedCommands, command] }, { environment });
  return !findings.some((f) => f.path === `trustedCommands[${index}]` || f.path.startsWith(`trustedCommands[${index}].`));
}

export async function getPolicyInsights(actor: Actor, filters: MetricsFilters, threshold = APPROVALS_THRESHOLD): Promise<TeamInsights[]> {
  const ctx = await queryContext(actor, filters);
  assertCan(actor, 'teams:read');
  const [rows, teams] = await Promise.all([commandRows(ctx), listTeams(actor)]);
  const selected = teams.filter((t) => !ctx.team || t.id === ctx.team.id);
  return Promise.all(
    selected.map(async (team): Promise<TeamInsights> => {
      const effective = await getEffectivePolicy(actor, team.id);
      const trusted = effective.settings.trustedCommands;
      const mine = rows.filter((r) => r.team_id === team.id);
      const approvals = new Map<string, number>();
      const executed = new Set<string>();
      const dangerous = new Map<string, number>();
      for (const r of mine) {
        if (r.decision !== 'denied') executed.add(r.text);
        if (r.decision === 'approved' && r.untrusted) approvals.set(r.text, (approvals.get(r.text) ?? 0) + Number(r.n));
        if (r.decision === 'auto' && r.dangerous) dangerous.set(r.text, (dangerous.get(r.text) ?? 0) + Number(r.n));
      }
      const trustCandidates = [...approvals.entries()]
        .filter(([command, n]) => n >= threshold && !trusted.includes(command) && lintsClean(effective.settings, team.environment, command))
        .map(([command, n]) => ({ command, approvals: n }))
        .sort((a, b) => b.approvals - a.approvals || a.command.localeCompare(b.command));
      const unusedTrusted = trusted.filter((entry) => ![...executed].some((command) => entryMatches(entry, command)));
      const autoExecutedDangerous = [...dangerous.entries()]
        .map(([command, runs]) => {
          const coverage = checkCoverage(trusted, command);
          return { command, runs, trustedBy: coverage.toolMatchRule ?? coverage.segments.find((s) => s.rule)?.rule ?? null };
        })
        .sort((a, b) => b.runs - a.runs);
      return {
        team: { id: team.id, name: team.name, slug: team.slug },
        template: team.policy ? { id: team.policy.templateId, name: team.policy.templateName } : null,
        trustCandidates,
        unusedTrusted,
        autoExecutedDangerous,
      };
    }),
  );
}

/**
 * "Add to the trusted list": a new version of the team's template with the commands appended
 * (through the same gate, lint and audit as any save). Returns the template id to open.
 */
export async function trustCommands(actor: Actor, teamId: string, commands: string[]): Promise<{ templateId: string; version: number }> {
  assertCan(actor, 'templates:write');
  const team = await getTeam(actor, teamId);
  if (!team.policy) throw new ConflictError(`${team.name} has no template of its own; assign one on the team page first.`);
  const wanted = [...new Set(commands.map((c) => c.trim()).filter(Boolean))];
  if (!wanted.length) throw new BadRequestError('Choose at least one command.');
  const template = await getTemplate(actor, team.policy.templateId);
  const current = template.settings.trustedCommands ?? [];
  const added = wanted.filter((c) => !current.includes(c));
  if (!added.length) return { templateId: template.id, version: template.version.version };
  const saved = await saveTemplateVersion(actor, template.id, {
    settings: { ...template.settings, trustedCommands: [...current, ...added] },
    baseVersion: template.version.version,
    note: `Trusted ${added.length} command${added.length === 1 ? '' : 's'} approved by hand on the dashboard: ${added.join(', ').slice(0, 300)}`,
  });
  return { templateId: saved.id, version: saved.version.version };
}
