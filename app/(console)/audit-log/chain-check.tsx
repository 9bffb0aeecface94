import { ChainStatusPanel } from '@/components/audit/ChainStatusPanel';
import type { Actor } from '@/lib/auth/permissions';
import { verifyOrganizationChain } from '@/lib/audit/verify';

const rowHref = (seq: number) => `/audit-log?cursor=${seq + 1}#entry-${seq}`;

/** The chain check, streamed after the rows: it reads the whole chain, which takes a moment on a long log. */
export async function ChainCheck({ actor }: { actor: Actor }) {
  return <ChainStatusPanel status={await verifyOrganizationChain(actor)} rowHref={rowHref} />;
}

export function ChainCheckPending() {
  return (
    <div aria-busy="true" className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-500 ring-1 ring-inset ring-slate-200">
      Verifying the hash chain…
    </div>
  );
}
