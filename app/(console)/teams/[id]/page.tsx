import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DownloadMenu } from '@/components/policies/DownloadMenu';
import { EffectivePolicyView } from '@/components/teams/EffectivePolicyView';
import { IngestKeysSection } from '@/components/teams/IngestKeysSection';
import { PolicyAssignmentForm } from '@/components/teams/PolicyAssignmentForm';
import { ProjectOverridesForm } from '@/components/teams/ProjectOverridesForm';
import { TeamSettingsForm } from '@/components/teams/TeamSettingsForm';
import { Badge } from '@/components/ui/Badge';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { requestOrigin } from '@/lib/http/origin';
import { listIngestKeys } from '@/lib/ingest-keys/keys';
import { getEffectivePolicy } from '@/lib/teams/effective';
import { getTeam } from '@/lib/teams/teams';
import { listTemplates } from '@/lib/templates/templates';
import { assignTeamPolicyAction, deleteProjectAction, deleteTeamAction, setProjectOverridesAction, updateTeamAction } from '../actions';
import { createIngestKeyAction, revealIngestKeyAction, revokeIngestKeyAction, rotateIngestKeyAction } from '../ingest-key-actions';

export const metadata = { title: 'Team' };

export default async function TeamPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ project?: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const { project } = await searchParams;
  const orNotFound = (error: unknown): never => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  };
  const team = await getTeam(actor, id).catch(orNotFound);
  const canManageKeys = can(actor, 'ingestKeys:manage');
  const [effective, teamOnly, templates, ingestKeys, origin] = await Promise.all([
    getEffectivePolicy(actor, id, project).catch(orNotFound),
    project ? getEffectivePolicy(actor, id).catch(orNotFound) : null,
    listTemplates(actor),
    canManageKeys ? listIngestKeys(actor, id).catch(orNotFound) : [],
    requestOrigin(),
  ]);
  // What project overrides sit on: the team's effective policy without a project.
  const inherited = (teamOnly ?? effective).settings;
  const { projects } = team;
  const canWrite = can(actor, 'teams:write');
  const tab = (slug: string | null, label: string) => (
    <Link
      key={slug ?? 'team'}
      href={slug ? `/teams/${id}?project=${encodeURIComponent(slug)}` : `/teams/${id}`}
      aria-current={(project ?? null) === slug ? 'page' : undefined}
      className={`rounded-full px-3 py-1 text-xs font-medium ring-1 ${(project ?? null) === slug ? 'bg-slate-900 text-white ring-slate-900' : 'text-slate-600 ring-slate-300 hover:bg-slate-50'}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {team.name}
            <Badge tone={team.environment === 'production' ? 'warning' : 'neutral'}>{team.environment}</Badge>
          </span>
        }
        description={<span className="font-mono">{team.slug}</span>}
        actions={<DownloadMenu target={{ kind: 'team', id: team.id, project: project ?? null }} origin={origin} />}
      />
      <div className="space-y-6">
        <Card
          title="Effective policy"
          description="What this team's machines get, field by field, with the layer each value comes from and the lint findings for the team's environment."
        >
          <nav aria-label="Scope" className="mb-4 flex flex-wrap gap-2">
            {tab(null, 'Whole team')}
            {team.projects.map((p) => tab(p.slug, `Project ${p.slug}`))}
          </nav>
          <EffectivePolicyView policy={effective} />
        </Card>
        <Card title="Team policy" description="The team layer: a template, following its latest version or pinned to one.">
          {canWrite ? (
            <PolicyAssignmentForm
              layer="team"
              teamId={team.id}
              templates={templates.map(({ id: templateId, name, latestVersion }) => ({ id: templateId, name, latestVersion }))}
              current={team.policy}
              action={assignTeamPolicyAction}
            />
          ) : (
            <p className="text-sm">{team.policy ? team.policy.templateName : 'None'}</p>
          )}
        </Card>
        <Card title="Projects" description="Per-project overrides, the highest-priority layer (like a project's .kiro/settings.json over the global one).">
          <div className="space-y-6">
            {projects.map((p) => (
              <div key={p.slug} className="rounded-lg p-4 ring-1 ring-slate-200">
                <h3 className="mb-2 font-mono text-sm font-semibold text-slate-900">{p.slug}</h3>
                {canWrite ? (
                  <ProjectOverridesForm
                    key={JSON.stringify(p.overrides)}
                    teamId={team.id}
                    environment={team.environment}
                    inherited={inherited}
                    project={p}
                    saveAction={setProjectOverridesAction}
                    deleteAction={deleteProjectAction}
                  />
                ) : (
                  <pre className="text-xs">{JSON.stringify(p.overrides, null, 2)}</pre>
                )}
              </div>
            ))}
            {canWrite ? (
              <div className="rounded-lg p-4 ring-1 ring-dashed ring-slate-300">
                <h3 className="mb-2 text-sm font-semibold text-slate-900">Add a project</h3>
                <ProjectOverridesForm teamId={team.id} environment={team.environment} inherited={inherited} saveAction={setProjectOverridesAction} />
              </div>
            ) : null}
            {!canWrite && projects.length === 0 ? <p className="text-sm text-slate-500">No projects.</p> : null}
          </div>
        </Card>
        {canManageKeys ? (
          <Card title="Telemetry ingest keys" description="Write-only keys with which this team's agents send their own OpenTelemetry (Claude Code, Gemini CLI, Kiro) to Pilotlight.">
            <IngestKeysSection
              teamId={team.id}
              endpoint={`${origin}/api/otlp`}
              keys={ingestKeys.map((k) => ({
                id: k.id, name: k.name, prefix: k.prefix, status: k.status, createdBy: k.createdBy, createdAt: k.createdAt.toISOString(),
                lastUsedAt: k.lastUsedAt?.toISOString() ?? null, previousValidUntil: k.previousValidUntil?.toISOString() ?? null,
              }))}
              actions={{ create: createIngestKeyAction, reveal: revealIngestKeyAction, rotate: rotateIngestKeyAction, revoke: revokeIngestKeyAction }}
            />
          </Card>
        ) : null}
        {canWrite ? (
          <Card title="Team settings">
            <TeamSettingsForm team={team} canDelete={can(actor, 'teams:delete')} updateAction={updateTeamAction} deleteAction={deleteTeamAction} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
