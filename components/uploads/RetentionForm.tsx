'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { inputClasses } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

export function RetentionForm({ retentionDays, action, disabled }: { retentionDays: number | null; disabled: boolean; action: (previous: ActionResult, formData: FormData) => Promise<ActionResult> }) {
  const [result, run] = useActionState(action, null);
  return (
    <form action={run} className="flex flex-wrap items-end gap-3 text-sm">
      <OrgField />
      <label className="space-y-1">
        <span className="block font-medium text-slate-700">Keep records for (days; empty = forever)</span>
        <input className={inputClasses} type="number" min={1} name="retentionDays" defaultValue={retentionDays ?? ''} disabled={disabled} />
      </label>
      {disabled ? null : <SubmitButton pendingLabel="Saving…">Save</SubmitButton>}
      <ActionMessage result={result} />
    </form>
  );
}
