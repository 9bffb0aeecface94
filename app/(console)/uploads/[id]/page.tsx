import Link from 'next/link';
import { DeleteUploadButton } from '@/components/uploads/DeleteUploadButton';
import { UploadCounts } from '@/components/uploads/UploadCounts';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { Table, Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { getUpload } from '@/lib/ingest/uploads';
import { deleteUploadAction } from '../actions';

export const metadata = { title: 'Upload' };
export const dynamic = 'force-dynamic';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export default async function UploadPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const upload = await getUpload(actor, (await params).id);
  const columns = upload.records.length ? Object.keys(upload.records[0]!) : [];
  return (
    <>
      <PageHeader
        title={upload.fileName}
        description={`${upload.format} · uploaded by ${upload.uploader} on ${formatDateTime(upload.createdAt)} · ${upload.bytes.toLocaleString()} bytes · ${upload.durationMs} ms`}
        actions={
          <>
            <Link href="/uploads" className="text-sm text-sky-700 underline">
              All uploads
            </Link>
            {can(actor, 'uploads:delete') ? <DeleteUploadButton uploadId={upload.id} fileName={upload.fileName} action={deleteUploadAction} redirectTo="/uploads" /> : null}
          </>
        }
      />
      <div className="space-y-6">
        {upload.failure ? (
          <Card title="Refused" description="Nothing of this file was stored. Fix what is named here and upload it again.">
            <p className="text-sm text-red-700" data-testid="upload-failure">
              {upload.failure.message}
            </p>
            <p className="mt-1 font-mono text-xs text-slate-500">
              HTTP {upload.failure.status} · {upload.failure.code}
            </p>
          </Card>
        ) : null}
        <Card title="Result">
          <UploadCounts result={{ ...upload, team: upload.team?.slug ?? null }} maxErrors={100} />
          <p className="mt-3 font-mono text-xs text-slate-500">sha256 {upload.sha256}</p>
        </Card>
        <Card title="First records" description={upload.promptTextHidden ? 'Prompt text is hidden for your role.' : undefined}>
          {upload.records.length === 0 ? (
            <p className="text-sm text-slate-600">{upload.failure ? 'Nothing stored: the upload was refused.' : 'No records stored (all duplicates or rejected, or purged by retention).'}</p>
          ) : (
            <Table label="First records">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <Th key={c}>{c}</Th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {upload.records.map((record, i) => (
                  <tr key={i}>
                    {columns.map((c) => (
                      <Td key={c} className="max-w-xs truncate text-xs" title={cell(record[c])}>
                        {cell(record[c])}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
