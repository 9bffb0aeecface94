import Link from 'next/link';
import { Suspense } from 'react';
import { AuditLogFilterForm } from '@/components/audit/AuditLogFilterForm';
import { AuditLogTable } from '@/components/audit/AuditLogTable';
import { Alert } from '@/components/ui/Alert';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { Forbidden } from '@/components/ui/Forbidden';
import { PageHeader } from '@/components/ui/PageHeader';
import { auditLogQuery, auditLogSearch, hasFilters, parseAuditLogFilters, type AuditLogFilters } from '@/lib/audit/filters';
import { listAuditActors, searchAuditLog } from '@/lib/audit/queries';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { ValidationError } from '@/lib/errors';
import { ChainCheck, ChainCheckPending } from './chain-check';

export const metadata = { title: 'Audit log' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireUser();
  const description =
    'Every admin action, written in the same transaction as the change and hash-chained so tampering is detectable. The same rows are at GET /api/v1/audit-log (scope audit:read).';
  if (!can(actor, 'audit:read')) {
    return (
      <>
        <PageHeader title="Audit log" description={description} />
        <Forbidden what="reading the audit log" />
      </>
    );
  }

  const params = await searchParams;
  const query = auditLogQuery(params);
  let filters: AuditLogFilters | null = null;
  let errors: Record<string, string> = {};
  try {
    filters = parseAuditLogFilters(params);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors = Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
  }
  const [actors, page] = await Promise.all([listAuditActors(actor), filters ? searchAuditLog(actor, { ...filters, format: null }) : null]);
  const exportHref = (format: 'csv' | 'json') => `/api/v1/audit-log${auditLogSearch(query, { format })}`;
  const filterHref = (target: string) => `/audit-log${auditLogSearch({ ...query, target })}`;
  const filtered = hasFilters(query);

  return (
    <>
      <PageHeader
        title="Audit log"
        description={description}
        actions={
          filters ? (
            <>
              <a href={exportHref('csv')} download className={buttonClasses('secondary', 'sm')} data-testid="export-csv">
                Export CSV
              </a>
              <a href={exportHref('json')} download className={buttonClasses('secondary', 'sm')} data-testid="export-json">
                Export JSON
              </a>
            </>
          ) : null
        }
      />
      <div className="space-y-4">
        <Card>
          <AuditLogFilterForm query={query} actors={actors} errors={errors} />
        </Card>
        <Suspense fallback={<ChainCheckPending />}>
          <ChainCheck actor={actor} />
        </Suspense>
        {!page ? (
          <Alert tone="error">
            The filters are not valid: {Object.entries(errors).map(([path, message]) => `${path}: ${message}`).join(' ')} Fix them above or{' '}
            <Link href="/audit-log" className="underline">
              clear the filters
            </Link>
            .
          </Alert>
        ) : page.entries.length === 0 ? (
          filtered || filters?.cursor ? (
            <EmptyState
              title="No entries match these filters"
              action={
                <Link href="/audit-log" className={buttonClasses('secondary', 'sm')}>
                  Clear filters
                </Link>
              }
            >
              Widen the period, choose another action group or actor, or search for part of a name.
            </EmptyState>
          ) : (
            <EmptyState title="Nothing recorded yet">Sign-ins, template and team changes, downloads and uploads appear here as they happen.</EmptyState>
          )
        ) : (
          <Card>
            <AuditLogTable entries={page.entries} filterHref={filterHref} />
            <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-end gap-2">
              {filters?.cursor ? (
                <Link className={buttonClasses('ghost', 'sm')} href={`/audit-log${auditLogSearch(query)}`}>
                  Newest entries
                </Link>
              ) : null}
              {page.nextCursor ? (
                <Link className={buttonClasses('secondary', 'sm')} href={`/audit-log${auditLogSearch(query, { cursor: page.nextCursor })}`}>
                  Older entries
                </Link>
              ) : null}
            </nav>
          </Card>
        )}
      </div>
    </>
  );
}
