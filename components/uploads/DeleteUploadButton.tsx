'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

export function DeleteUploadButton({ uploadId, fileName, action, redirectTo }: { uploadId: string; fileName: string; redirectTo?: string; action: (previous: ActionResult, formData: FormData) => Promise<ActionResult> }) {
  const [result, run] = useActionState(action, null);
  return (
    <form
      action={run}
      aria-label={`Delete ${fileName}`}
      onSubmit={(event) => {
        if (!window.confirm(`Delete the upload “${fileName}” with all its records? Its share of the charts goes too.`)) event.preventDefault();
      }}
    >
      <OrgField />
      <input type="hidden" name="uploadId" value={uploadId} />
      {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
      <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
        Delete
      </SubmitButton>
      <ActionMessage result={result && !result.ok ? result : null} />
    </form>
  );
}
