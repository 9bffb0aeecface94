import Link from 'next/link';
import { formatDateTime } from '@/components/ui/format';
import { describeAuditAction } from '@/lib/audit/actions';
import type { ChainStatus } from '@/lib/audit/verify';

/**
 * The result of checking the organization's hash chain now (the check of
 * `npm run admin -- verify-audit-log`). A break links to its row (#entry-<seq> on the page that
 * shows it), which the table highlights.
 */
export function ChainStatusPanel({ status, rowHref }: { status: ChainStatus; rowHref: (seq: number) => string }) {
  if (status.state === 'empty') {
    return (
      <div role="status" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200" data-testid="chain-status">
        The chain is empty: nothing has been recorded yet (verified {formatDateTime(status.verifiedAt)}).
      </div>
    );
  }
  if (status.state === 'intact') {
    return (
      <div role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-inset ring-emerald-200" data-testid="chain-status" data-state="intact">
        <span aria-hidden="true">✓ </span>
        Chain intact from #{status.firstSeq} to #{status.lastSeq} (verified just now, {formatDateTime(status.verifiedAt)}): {status.rows.toLocaleString('en-US')} entries, every hash
        recomputed.
      </div>
    );
  }
  const first = status.breaks[0]!;
  return (
    <div role="alert" className="space-y-2 rounded-md bg-red-50 px-3 py-3 text-sm text-red-900 ring-1 ring-inset ring-red-300" data-testid="chain-status" data-state="broken">
      <p className="font-semibold">
        The chain is broken at entry #{first.seq}: {first.message}.
      </p>
      {status.firstBroken ? (
        <p>
          Entry #{status.firstBroken.seq} — {describeAuditAction(status.firstBroken.action)} by {status.firstBroken.actorLabel ?? 'unknown'}, recorded{' '}
          {formatDateTime(status.firstBroken.createdAt)} (as stored now).{' '}
          <Link href={rowHref(first.seq)} className="font-medium underline">
            Show entry #{first.seq} in the log
          </Link>
        </p>
      ) : null}
      {status.breaks.length > 1 ? (
        <details>
          <summary className="cursor-pointer text-xs font-medium">Every broken link found ({status.breaks.length}{status.breaks.length >= 20 ? '+' : ''})</summary>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs">
            {status.breaks.map((b) => (
              <li key={`${b.seq}-${b.reason}`}>
                <Link href={rowHref(b.seq)} className="underline">
                  #{b.seq}
                </Link>{' '}
                {b.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <p className="text-xs">
        Checked {status.rows.toLocaleString('en-US')} entries up to #{status.lastSeq} just now ({formatDateTime(status.verifiedAt)}). Someone with database access changed or removed
        rows: keep this page, run <code>npm run admin -- verify-audit-log</code> on the server and compare with a backup.
      </p>
    </div>
  );
}
