import Link from 'next/link';
import { RiskBadge } from '@/components/policies/RiskBadge';
import { Badge } from '@/components/ui/Badge';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Table, Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listTemplates } from '@/lib/templates/templates';

export const metadata = { title: 'Policies' };

export default async function PoliciesPage() {
  const actor = await requireUser();
  const templates = await listTemplates(actor);
  const canWrite = can(actor, 'templates:write');
  const newButton = canWrite ? (
    <>
      <Link href="/policies/import" className={buttonClasses('secondary')}>
        Import a file
      </Link>
      <Link href="/policies/new" className={buttonClasses('primary')}>
        New template
      </Link>
    </>
  ) : null;
  return (
    <>
      <PageHeader
        title="Policies"
        description="Policy templates decide what the agents may do: autopilot or supervised, trusted commands, telemetry, sandbox, tools and MCP servers. Every save is a new immutable version."
        actions={newButton}
      />
      {templates.length === 0 ? (
        <EmptyState title="No policy templates yet" action={newButton}>
          Start from the <strong>Autopilot (development)</strong> or <strong>Supervised (production)</strong> preset, or from a blank template.
        </EmptyState>
      ) : (
        <Card>
          <Table label="Policy templates">
            <thead>
              <tr>
                <Th>Template</Th>
                <Th>Version</Th>
                <Th>Last change</Th>
                <Th>Risk</Th>
                <Th>Used by</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {templates.map((template) => (
                <tr key={template.id} data-testid={`template-${template.name}`}>
                  <Td>
                    <Link href={`/policies/${template.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {template.name}
                    </Link>
                    {template.description ? <div className="max-w-md truncate text-xs text-slate-500">{template.description}</div> : null}
                  </Td>
                  <Td className="tabular-nums">v{template.latestVersion}</Td>
                  <Td className="whitespace-nowrap">
                    {formatDateTime(template.updatedAt)}
                    <div className="text-xs text-slate-500">{template.updatedBy ?? '—'}</div>
                  </Td>
                  <Td>
                    <RiskBadge risk={template.risk} counts={template.findingCounts} />
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-1">
                      {template.isOrgDefault ? <Badge tone="info">Organization default</Badge> : null}
                      {template.teams.map((team) => (
                        <Link key={team.id} href={`/teams/${team.id}`}>
                          <Badge>{team.name}</Badge>
                        </Link>
                      ))}
                      {!template.isOrgDefault && template.teams.length === 0 ? <span className="text-xs text-slate-400">Not assigned</span> : null}
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
