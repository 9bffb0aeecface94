import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DiffView } from '@/components/policies/DiffView';
import { Alert } from '@/components/ui/Alert';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { PageHeader } from '@/components/ui/PageHeader';
import { formatDateTime } from '@/components/ui/format';
import { requireUser } from '@/lib/auth/session';
import { AppError, NotFoundError } from '@/lib/errors';
import { diffVersions, getTemplate, listVersions } from '@/lib/templates/templates';

export const metadata = { title: 'Compare versions' };

export default async function DiffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const template = await getTemplate(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const versions = await listVersions(actor, id);
  const query = await searchParams;
  const to = query.to ?? String(template.latestVersion);
  const from = query.from ?? String(Math.max(1, Number(to) - 1));
  const diff = await diffVersions(actor, id, from, to).catch((error: unknown) => (error instanceof AppError ? error : Promise.reject(error)));
  const select = (name: string, value: string) => (
    <select name={name} defaultValue={value} aria-label={name === 'from' ? 'From version' : 'To version'} className="rounded-md border-0 py-1.5 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300">
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          v{v.version}
        </option>
      ))}
    </select>
  );
  return (
    <>
      <PageHeader
        title={`Compare versions of ${template.name}`}
        actions={
          <Link href={`/policies/${id}`} className={buttonClasses('secondary')}>
            Back to the template
          </Link>
        }
      />
      <Card>
        <form className="mb-4 flex flex-wrap items-center gap-2 text-sm" method="get">
          From {select('from', from)} to {select('to', to)}
          <button type="submit" className={buttonClasses('secondary', 'sm')}>
            Compare
          </button>
        </form>
        {diff instanceof AppError ? (
          <Alert tone="error">{diff.message}</Alert>
        ) : (
          <>
            <p className="mb-2 text-xs text-slate-500">
              v{diff.from.version} ({diff.from.author}, {formatDateTime(diff.from.createdAt)}) → v{diff.to.version} ({diff.to.author}, {formatDateTime(diff.to.createdAt)}
              {diff.to.note ? `: ${diff.to.note}` : ''})
            </p>
            <DiffView changes={diff.changes} />
          </>
        )}
      </Card>
    </>
  );
}
