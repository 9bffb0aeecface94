'use client';

import { useActionState } from 'react';
import { archiveTemplateAction } from '@/app/(console)/policies/actions';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { OrgField } from '@/components/shell/RenderedForOrg';

export function ArchiveTemplateButton({ templateId, name }: { templateId: string; name: string }) {
  const [result, archive] = useActionState(archiveTemplateAction, null);
  return (
    <form
      action={archive}
      aria-label={`Archive ${name}`}
      onSubmit={(event) => {
        if (!window.confirm(`Archive “${name}”? Its versions are kept, but it can no longer be edited or assigned.`)) event.preventDefault();
      }}
      className="flex flex-col items-end gap-2"
    >
      <OrgField />
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton variant="danger" pendingLabel="Archiving…">
        Archive
      </SubmitButton>
      <ActionMessage result={result && !result.ok ? result : null} />
    </form>
  );
}
