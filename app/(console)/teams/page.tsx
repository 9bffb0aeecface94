import Link from 'next/link';
import { CreateTeamForm } from '@/components/teams/CreateTeamForm';
import { RiskBadge } from '@/components/policies/RiskBadge';
import { PolicyAssignmentForm } from '@/components/teams/PolicyAssignmentForm';
import { Badge } from '@/components/ui/Badge';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Table, Td, Th } from '@/components/ui/Table';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listTeamRisks } from '@/lib/teams/effective';
import { getOrgPolicy, listTeams } from '@/lib/teams/teams';
import { listTemplates } from '@/lib/templates/templates';
import { assignOrgPolicyAction, createTeamAction } from './actions';

export const metadata = { title: 'Teams' };

export default async function TeamsPage() {
  const actor = await requireUser();
  const [teams, orgPolicy, templates, risks] = await Promise.all([listTeams(actor), getOrgPolicy(actor), listTemplates(actor), listTeamRisks(actor)]);
  const canWrite = can(actor, 'teams:write');
  const options = templates.map(({ id, name, latestVersion }) => ({ id, name, latestVersion }));
  return (
    <>
      <PageHeader
        title="Teams"
        description="Each team's machines get one effective policy: the organization default, then the team's template, then a project's overrides (highest priority). Lists in a higher layer replace lower ones."
      />
      <div className="space-y-6">
        <Card title="Organization default" description="The global layer every team starts from.">
          {canWrite ? (
            <PolicyAssignmentForm layer="org" templates={options} current={orgPolicy} action={assignOrgPolicyAction} />
          ) : (
            <p className="text-sm text-slate-700">{orgPolicy ? `${orgPolicy.templateName} ${orgPolicy.pinnedVersion ? `v${orgPolicy.pinnedVersion}` : '(latest)'}` : 'None'}</p>
          )}
        </Card>
        <Card title="Teams">
          {teams.length === 0 ? (
            <EmptyState title="No teams yet">Create a team below, then give it a policy template.</EmptyState>
          ) : (
            <Table label="Teams">
              <thead>
                <tr>
                  <Th>Team</Th>
                  <Th>Environment</Th>
                  <Th>Template</Th>
                  <Th>Risk</Th>
                  <Th>Projects</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {teams.map((team) => (
                  <tr key={team.id} data-testid={`team-${team.slug}`}>
                    <Td>
                      <Link href={`/teams/${team.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {team.name}
                      </Link>
                      <div className="font-mono text-xs text-slate-500">{team.slug}</div>
                    </Td>
                    <Td>
                      <Badge tone={team.environment === 'production' ? 'warning' : 'neutral'}>{team.environment}</Badge>
                    </Td>
                    <Td>{team.policy ? `${team.policy.templateName} ${team.policy.pinnedVersion ? `v${team.policy.pinnedVersion} (pinned)` : `v${team.policy.latestVersion} (latest)`}` : <span className="text-slate-400">—</span>}</Td>
                    <Td>{risks[team.id] ? <RiskBadge risk={risks[team.id]!.risk} counts={risks[team.id]!.counts} /> : null}</Td>
                    <Td>
                      {team.projects.length === 0 ? (
                        <span className="text-slate-400">—</span>
                      ) : (
                        <ul className="space-y-1" aria-label={`Projects of ${team.name}`}>
                          {team.projects.map((project) => {
                            const risk = risks[team.id]?.projects[project.slug];
                            return (
                              <li key={project.slug} className="flex flex-wrap items-center gap-2" data-testid={`project-risk-${team.slug}-${project.slug}`}>
                                <Link href={`/teams/${team.id}?project=${encodeURIComponent(project.slug)}`} className="font-mono text-xs text-slate-700 hover:underline">
                                  {project.slug}
                                </Link>
                                {risk ? <RiskBadge risk={risk.risk} counts={risk.counts} /> : null}
                              </li>
                            );
                          })}
                        </ul>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        {canWrite ? (
          <Card title="Create a team">
            <CreateTeamForm action={createTeamAction} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
