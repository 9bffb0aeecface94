import Link from 'next/link';
import { AuditLogTable } from '@/components/audit/AuditLogTable';
import { buttonClasses } from '@/components/ui/Button';
import { Card } from '@/components/ui/Card';
import { EmptyState } from '@/components/ui/EmptyState';
import { Forbidden } from '@/components/ui/Forbidden';
import { PageHeader } from '@/components/ui/PageHeader';
import { listAuditLog } from '@/lib/audit/queries';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';

export const metadata = { title: 'Audit log' };

const PAGE_SIZE = 50;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  const actor = await requireUser();
  const header = (
    <PageHeader
      title="Audit log"
      description="Every admin action, written in the same transaction as the change and hash-chained so tampering is detectable (npm run admin -- verify-audit-log)."
    />
  );
  if (!can(actor, 'audit:read')) return <>{header}<Forbidden what="reading the audit log" /></>;

  const before = Number((await searchParams).before);
  const entries = await listAuditLog(actor, { limit: PAGE_SIZE, beforeSeq: Number.isInteger(before) && before > 0 ? before : undefined });
  const oldest = entries.at(-1)?.seq;
  return (
    <>
      {header}
      {entries.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <Card>
          <AuditLogTable entries={entries} />
          {entries.length === PAGE_SIZE && oldest && oldest > 1 ? (
            <div className="mt-4 flex justify-end">
              <Link className={buttonClasses('secondary', 'sm')} href={`/audit-log?before=${oldest}`}>
                Older entries
              </Link>
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}
