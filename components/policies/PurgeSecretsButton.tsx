'use client';

import { useActionState } from 'react';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

/** Owners and admins: redact the literal secrets of every version that holds one (audited). */
export function PurgeSecretsButton({ templateId, versions, action }: { templateId: string; versions: number[]; action: (previous: ActionResult, formData: FormData) => Promise<ActionResult> }) {
  const [result, purge] = useActionState(action, null);
  return (
    <form
      action={purge}
      aria-label="Purge secrets"
      className="space-y-2"
      onSubmit={(event) => {
        const list = versions.join(', ');
        if (!window.confirm(`Redact the literal secrets stored in version${versions.length === 1 ? '' : 's'} ${list}? Env values become \${VAR} references, other secrets [REDACTED]. This rewrites those versions and cannot be undone; rotate the secrets too.`)) {
          event.preventDefault();
        }
      }}
    >
      <OrgField />
      <input type="hidden" name="templateId" value={templateId} />
      <p className="text-sm text-red-900">
        {versions.length === 1 ? `Version ${versions[0]} holds` : `Versions ${versions.join(', ')} hold`} a literal secret, readable by everyone who can read or download the template.
      </p>
      <SubmitButton variant="danger" size="sm" pendingLabel="Purging…">
        Purge secrets from stored versions
      </SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}
