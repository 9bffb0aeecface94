import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { Td, Th } from '@/components/ui/Table';
import { formatDateTime } from '@/components/ui/format';
import { describeAction, describeActor, describeTarget, targetHref } from '@/lib/audit/present';
import type { AuditLogEntry } from '@/lib/audit/queries';
import { AuditDiff } from './AuditDiff';

/**
 * The audit rows. Each row has the anchor #entry-<seq>, so the chain check can link to a broken
 * row and the row lights up (:target) without JavaScript. `filterHref` builds the link that
 * narrows the log to one target.
 */
const STACK = 'max-sm:block max-sm:px-0 max-sm:py-1';

export function AuditLogTable({ entries, filterHref }: { entries: AuditLogEntry[]; filterHref: (target: string) => string }) {
  return (
    // On a phone each row becomes a stacked block (no sideways scrolling to reach the diff).
    <div className="sm:overflow-x-auto">
      <table aria-label="Audit log" className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <thead className="max-sm:hidden">
          <tr>
            <Th>#</Th>
            <Th>When · who</Th>
            <Th>What</Th>
            <Th>Change</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 max-sm:block">
          {entries.map((entry) => {
            const actor = describeActor(entry);
            const action = describeAction(entry.action);
            const href = targetHref(entry.targetType, entry.targetId);
            return (
              <tr
                key={entry.id}
                id={`entry-${entry.seq}`}
                data-action={entry.action}
                data-seq={entry.seq}
                className="scroll-mt-20 target:bg-red-50 target:ring-2 target:ring-inset target:ring-red-300 max-sm:block max-sm:py-2"
              >
                <Td className={`tabular-nums text-slate-400 ${STACK}`}>
                  <span className="sm:hidden">#</span>
                  {entry.seq}
                </Td>
                <Td className={`sm:min-w-40 ${STACK}`}>
                  <div className="whitespace-nowrap text-xs text-slate-500">{formatDateTime(entry.createdAt)}</div>
                  <div className="mt-0.5 break-words font-medium text-slate-900">{actor.primary}</div>
                  <div className="break-words text-xs text-slate-500">{actor.secondary}</div>
                </Td>
                <Td className={`sm:min-w-48 ${STACK}`}>
                  <Badge tone={entry.action.endsWith('_failed') ? 'danger' : 'neutral'} title={`${entry.action} · ${action.group}`}>
                    {action.words}
                  </Badge>
                  {entry.targetType ? (
                    <div className="mt-1 break-words text-xs">
                      {href ? (
                        <Link href={href} className="text-slate-700 underline decoration-slate-300 hover:decoration-slate-700">
                          {describeTarget(entry)}
                        </Link>
                      ) : (
                        <span className="text-slate-700">{describeTarget(entry)}</span>
                      )}
                      {entry.targetId ? (
                        <>
                          {' '}
                          <Link href={filterHref(`${entry.targetType}:${entry.targetId}`)} className="text-slate-400 hover:text-slate-700" title="Only entries about this target">
                            (only this)
                          </Link>
                        </>
                      ) : null}
                    </div>
                  ) : null}
                </Td>
                <Td className={`sm:min-w-56 sm:max-w-md ${STACK}`}>
                  <AuditDiff before={entry.before} after={entry.after} details={entry.details} seq={entry.seq} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
