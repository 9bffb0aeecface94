'use client';

import { useActionState } from 'react';
import { revokeTokenAction } from '@/app/(console)/settings/tokens/actions';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { OrgField } from '@/components/shell/RenderedForOrg';

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [result, revoke] = useActionState(revokeTokenAction, null);
  return (
    <form
      action={revoke}
      aria-label={`Revoke ${name}`}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token “${name}”? Anything using it stops working at once.`)) event.preventDefault();
      }}
    >
      <OrgField />
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton variant="danger" size="sm" pendingLabel="Revoking…">
        Revoke
      </SubmitButton>
      <ActionMessage result={result && !result.ok ? result : null} />
    </form>
  );
}
