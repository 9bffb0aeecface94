'use client';

import { useActionState } from 'react';
import { createTokenAction } from '@/app/(console)/settings/tokens/actions';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Alert } from '@/components/ui/Alert';
import { CopyButton } from '@/components/ui/CopyButton';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import { SCOPE_DESCRIPTIONS, SCOPES } from '@/lib/auth/permissions';
import { OrgField } from '@/components/shell/RenderedForOrg';

export function CreateTokenForm({ origin }: { origin: string }) {
  const [result, formAction, pending] = useActionState(createTokenAction, null);
  const created = result?.ok ? result.data : undefined;
  return (
    <div className="space-y-4">
      <form onSubmit={submitKept(formAction)} className="space-y-4" aria-label="Create an API token">
        <OrgField />
        <Field label="Name" name="name" hint="What uses it, e.g. “MDM policy sync” or “nightly log upload”." error={issueFor(result, 'name')}>
          <TextInput name="name" required maxLength={100} error={issueFor(result, 'name')} />
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Scopes</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 rounded-md p-2 ring-1 ring-slate-200">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'templates:read'} className="mt-0.5" />
                <span>
                  <code className="text-sm font-medium text-slate-900">{scope}</code>
                  <span className="block text-xs text-slate-500">{SCOPE_DESCRIPTIONS[scope]}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <SubmitButton pending={pending} pendingLabel="Creating…">Create token</SubmitButton>
        {created ? null : <ActionMessage result={result} />}
      </form>
      {created ? (
        <div className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="new-token">
          <Alert tone="warning">Copy the token for “{created.name}” now: it is shown only once.</Alert>
          <div className="flex items-center gap-2">
            <code className="flex-1 overflow-x-auto rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-slate-200" data-testid="new-token-value">
              {created.token}
            </code>
            <CopyButton text={created.token} />
          </div>
          <p className="text-xs text-slate-600">Use it as a bearer token, for example:</p>
          <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            curl -H &quot;Authorization: Bearer {created.token}&quot; {origin}/api/v1/templates
          </pre>
        </div>
      ) : null}
    </div>
  );
}
