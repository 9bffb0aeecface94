import { Badge } from '@/components/ui/Badge';
import { Table, Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { describeAuditAction } from '@/lib/audit/actions';
import type { AuditLogEntry } from '@/lib/audit/queries';

function summarize(entry: AuditLogEntry): string {
  const parts: string[] = [];
  const show = (label: string, value: unknown) => {
    if (value !== null && value !== undefined) parts.push(`${label} ${JSON.stringify(value)}`);
  };
  show('before', entry.before);
  show('after', entry.after);
  show('details', entry.details);
  return parts.join(' · ');
}

export function AuditLogTable({ entries }: { entries: AuditLogEntry[] }) {
  return (
    <Table label="Audit log">
      <thead>
        <tr>
          <Th>#</Th>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>Change</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {entries.map((entry) => (
          <tr key={entry.id} data-action={entry.action}>
            <Td className="tabular-nums text-slate-400">{entry.seq}</Td>
            <Td className="whitespace-nowrap">{formatDateTime(entry.createdAt)}</Td>
            <Td>
              <div className="font-medium text-slate-900">{entry.actorLabel ?? '—'}</div>
              <div className="text-xs text-slate-500">{entry.actorType}</div>
            </Td>
            <Td>
              <Badge tone={entry.action.endsWith('_failed') ? 'danger' : 'neutral'}>{describeAuditAction(entry.action)}</Badge>
              {entry.targetType ? (
                <div className="mt-1 text-xs text-slate-500">
                  {entry.targetType} {entry.targetId}
                </div>
              ) : null}
            </Td>
            <Td className="max-w-md break-words font-mono text-xs text-slate-600">{summarize(entry)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
