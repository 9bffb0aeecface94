import Link from 'next/link';
import { DeleteUploadButton } from '@/components/uploads/DeleteUploadButton';
import { IdentityMapForm } from '@/components/uploads/IdentityMapForm';
import { RetentionForm } from '@/components/uploads/RetentionForm';
import { UploadDropzone } from '@/components/uploads/UploadDropzone';
import { Badge } from '@/components/ui/Badge';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { Table, Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { listIdentities } from '@/lib/ingest/identities';
import { getRetention } from '@/lib/ingest/retention';
import { listUploads } from '@/lib/ingest/uploads';
import { listTeams } from '@/lib/teams/teams';
import { deleteUploadAction, importIdentitiesAction, setRetentionAction } from './actions';

export const metadata = { title: 'Uploads' };
export const dynamic = 'force-dynamic';

const SAMPLE_TELEMETRY = '{"id":"evt-1","timestamp":"2026-11-01T10:00:00Z","user":"alice@example.com","team":"payments","client":"kiro-ide","os":"macos","kind":"command_executed","command":"npm test","decision":"auto"}';

function Formats() {
  return (
    <details className="text-sm text-slate-600">
      <summary className="cursor-pointer font-medium text-slate-800">Which files can I upload?</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Telemetry events as NDJSON, a JSON array or CSV with the same columns, e.g. <code className="break-all">{SAMPLE_TELEMETRY}</code> (kinds: feature_used, error,
          performance, command_executed).
        </li>
        <li>
          Amazon Q Developer / Kiro prompt logs from S3: <code>{'{"records":[…]}'}</code> with chat (<code>generateAssistantResponseEvent…</code>) or inline (
          <code>generateCompletionsEvent…</code>) records.
        </li>
        <li>
          User activity reports: Q Developer <code>by_user_analytic</code> CSV and Kiro <code>user_report</code> CSV.
        </li>
        <li>Plain or gzipped; the format is recognised from the content. Example files with the counts they give are in the project’s shared/samples folder.</li>
        <li>
          Scripts: <code>curl -H &quot;Authorization: Bearer $TOKEN&quot; -H &quot;X-Filename: events.ndjson.gz&quot; --data-binary @events.ndjson.gz &quot;$URL/api/v1/uploads?team=payments&quot;</code>
        </li>
      </ul>
    </details>
  );
}

export default async function UploadsPage() {
  const actor = await requireUser();
  const canUpload = can(actor, 'uploads:write');
  const canDelete = can(actor, 'uploads:delete');
  const [page, teams, identities, retention] = await Promise.all([listUploads(actor, { limit: 50 }), listTeams(actor), listIdentities(actor, 50), getRetention(actor)]);
  return (
    <>
      <PageHeader title="Uploads" description="Telemetry events, prompt logs and user activity reports. Duplicates are recognised, secrets masked and privacy problems redacted before storage." />
      <div className="space-y-6">
        {canUpload ? (
          <Card title="Upload files" description="Each file is checked record by record; valid records are kept and the rest reported with their line or index.">
            <UploadDropzone uploadUrl="/api/v1/uploads" teams={teams.map((t) => ({ slug: t.slug, name: t.name }))} />
            <div className="mt-4">
              <Formats />
            </div>
          </Card>
        ) : null}
        <Card title="Past uploads">
          {page.uploads.length === 0 ? (
            <EmptyState title="Nothing uploaded yet">
              Upload telemetry (NDJSON, JSON or CSV), Q Developer / Kiro prompt logs or activity reports above, or run <code>npm run demo</code> for 90 days of sample data.
              <div className="mt-3 text-left">
                <Formats />
              </div>
            </EmptyState>
          ) : (
            <Table label="Past uploads">
              <thead>
                <tr>
                  <Th>File</Th>
                  <Th>Format</Th>
                  <Th>Team</Th>
                  <Th>Accepted</Th>
                  <Th>Duplicates</Th>
                  <Th>Rejected</Th>
                  <Th>Uploader</Th>
                  <Th>Time</Th>
                  <Th>Status</Th>
                  {canDelete ? <Th /> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {page.uploads.map((upload) => (
                  <tr key={upload.id} data-testid={`past-upload-${upload.fileName}`}>
                    <Td>
                      <Link href={`/uploads/${upload.id}`} className="font-medium text-sky-700 underline">
                        {upload.fileName}
                      </Link>
                    </Td>
                    <Td>{upload.format}</Td>
                    <Td>{upload.team?.slug ?? '—'}</Td>
                    <Td>{upload.accepted}</Td>
                    <Td>{upload.duplicates}</Td>
                    <Td>{upload.rejected}</Td>
                    <Td>{upload.uploader}</Td>
                    <Td>{formatDateTime(upload.createdAt)}</Td>
                    <Td>
                      <Badge tone={upload.status === 'completed' ? 'success' : 'danger'}>{upload.status}</Badge>
                      {upload.failure ? <p className="mt-1 max-w-xs text-xs text-red-700">{upload.failure.message}</p> : null}
                    </Td>
                    {canDelete ? (
                      <Td>
                        <DeleteUploadButton uploadId={upload.id} fileName={upload.fileName} action={deleteUploadAction} />
                      </Td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card title="Identity map" description="Joins the ids in prompt logs (d-xxxx.<guid>) and activity reports (<guid>) to people and teams. CSV lines: userId,email,team. Importing it again moves stored records to the new team.">
          {identities.total === 0 ? (
            <p className="mb-3 text-sm text-slate-600">No identities yet: prompt logs and activity reports go to the upload’s team.</p>
          ) : (
            <div className="mb-4">
              <p className="mb-2 text-sm text-slate-600">{identities.total} identities{identities.total > identities.identities.length ? ` (first ${identities.identities.length} shown)` : ''}.</p>
              <Table label="Identity map">
                <thead>
                  <tr>
                    <Th>User id</Th>
                    <Th>E-mail</Th>
                    <Th>Team</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {identities.identities.map((identity) => (
                    <tr key={identity.userKey}>
                      <Td className="font-mono text-xs">{identity.userKey}</Td>
                      <Td>{identity.email ?? '—'}</Td>
                      <Td>{identity.team ?? '—'}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
          {canUpload ? <IdentityMapForm action={importIdentitiesAction} /> : null}
        </Card>
        <Card title="Retention" description="Records older than this are purged; the charts keep their hourly and daily rollups.">
          <RetentionForm retentionDays={retention.retentionDays} disabled={!canDelete} action={setRetentionAction} />
        </Card>
      </div>
    </>
  );
}
