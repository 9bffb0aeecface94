'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

/** Uploads the identity map CSV (userId,email,team). */
export function IdentityMapForm({ action }: { action: (previous: ActionResult, formData: FormData) => Promise<ActionResult> }) {
  const [result, run] = useActionState(action, null);
  return (
    <form action={run} className="space-y-3">
      <OrgField />
      <input type="file" name="file" accept=".csv,text/csv" required aria-label="Identity map CSV" className="block text-sm" />
      <SubmitButton pendingLabel="Importing…">Import identity map</SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}
