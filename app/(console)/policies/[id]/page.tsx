import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArchiveTemplateButton } from '@/components/policies/ArchiveTemplateButton';
import { DownloadMenu } from '@/components/policies/DownloadMenu';
import { FindingsSummary } from '@/components/policies/FindingsSummary';
import { PurgeSecretsButton } from '@/components/policies/PurgeSecretsButton';
import { RiskBadge } from '@/components/policies/RiskBadge';
import { SettingsTable } from '@/components/policies/SettingsTable';
import { VersionHistory } from '@/components/policies/VersionHistory';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { formatDateTime } from '@/components/ui/format';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { requestOrigin } from '@/lib/http/origin';
import { flattenSettings, layerSets } from '@/lib/policy/fields';
import { completeSettings } from '@/lib/policy/merge';
import { getTemplate, listVersions } from '@/lib/templates/templates';
import { purgeTemplateSecretsAction, rollbackTemplateAction } from '../actions';

export const metadata = { title: 'Policy template' };

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const { version } = await searchParams;
  const loaded = await Promise.all([getTemplate(actor, id, version ? { version } : {}), listVersions(actor, id)]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [template, versions] = loaded;
  const isLatest = template.version.version === template.latestVersion;
  const canWrite = can(actor, 'templates:write') && !template.archived;
  const withSecrets = versions.filter((v) => v.holdsSecret).map((v) => v.version);
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {template.name}
            <RiskBadge risk={template.risk} counts={template.findingCounts} />
            {template.archived ? <Badge>Archived</Badge> : null}
          </span>
        }
        description={template.description || undefined}
        actions={
          <>
            <DownloadMenu target={{ kind: 'template', id: template.id, ...(isLatest ? {} : { version: template.version.version }) }} origin={await requestOrigin()} />
            {canWrite ? (
              <Link href={`/policies/${template.id}/edit`} className={buttonClasses('primary')}>
                Edit
              </Link>
            ) : null}
            {can(actor, 'templates:archive') && !template.archived ? <ArchiveTemplateButton templateId={template.id} name={template.name} /> : null}
          </>
        }
      />
      <div className="space-y-6">
        {!isLatest ? (
          <Alert tone="info">
            You are looking at version {template.version.version}; the latest is{' '}
            <Link className="underline" href={`/policies/${template.id}`}>
              version {template.latestVersion}
            </Link>
            .
          </Alert>
        ) : null}
        <Card
          title={`Version ${template.version.version}`}
          description={`${template.version.note || 'No note'} — ${template.version.author}, ${formatDateTime(template.version.createdAt)}`}
        >
          <FindingsSummary findings={template.findings} environment={template.teams.some((t) => t.environment === 'production') ? 'production' : 'development'} />
          <div className="mt-4 overflow-x-auto">
            <SettingsTable
              leaves={flattenSettings(completeSettings(template.settings))}
              findings={template.findings}
              originOf={(path) => (layerSets(template.settings, path.startsWith('mcpServers.') ? 'mcpServers' : path) ? { label: 'this template', tone: 'info' } : { label: 'inherited', tone: 'neutral' })}
            />
          </div>
        </Card>
        <Card title="Used by" description="Teams get the organization default, then their team template, then project overrides (highest).">
          <div className="flex flex-wrap gap-2">
            {template.isOrgDefault ? <Badge tone="info">Organization default</Badge> : null}
            {template.teams.map((team) => (
              <Link key={team.id} href={`/teams/${team.id}`}>
                <Badge>
                  {team.name} · {team.environment}
                </Badge>
              </Link>
            ))}
            {!template.isOrgDefault && template.teams.length === 0 ? <p className="text-sm text-slate-500">No team uses this template yet. Assign it on a team&apos;s page.</p> : null}
          </div>
        </Card>
        <Card title="History" description="Every save is an immutable version. Rolling back saves a new version equal to an old one.">
          {withSecrets.length && can(actor, 'templates:archive') ? (
            <div className="mb-4 rounded-md bg-red-50 p-3 ring-1 ring-red-200">
              <PurgeSecretsButton templateId={template.id} versions={withSecrets} action={purgeTemplateSecretsAction} />
            </div>
          ) : null}
          <VersionHistory templateId={template.id} versions={versions} latestVersion={template.latestVersion} canWrite={canWrite} rollbackAction={rollbackTemplateAction} />
        </Card>
      </div>
    </>
  );
}
