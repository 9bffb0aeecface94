'use client';

import { useActionState, useState } from 'react';
import { OrgField } from '@/components/shell/RenderedForOrg';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Alert } from '@/components/ui/Alert';
import { CopyButton } from '@/components/ui/CopyButton';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import { formatDateTime } from '@/components/ui/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/http/action';

export interface CreatedInvitationView {
  email: string;
  link: string;
  expiresAt: string;
}
type Action = (previous: ActionResult<CreatedInvitationView>, formData: FormData) => Promise<ActionResult<CreatedInvitationView>>;

/**
 * Invites by e-mail and role. The answer is the same for any address; the one-time link is shown
 * once for the owner to pass on (only its hash is stored). Inputs stay after an error (Auditor
 * stays Auditor) and are cleared after a success.
 */
export function InviteMemberForm({ action }: { action: Action }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const [result, formAction, pending] = useActionState<ActionResult<CreatedInvitationView>, FormData>(async (previous, formData) => {
    const outcome = await action(previous, formData);
    if (outcome?.ok) {
      setEmail('');
      setRole('EDITOR');
    }
    return outcome;
  }, null);
  const created = result?.ok ? result.data : undefined;
  return (
    <div className="space-y-4">
      <form onSubmit={submitKept(formAction)} className="space-y-4" aria-label="Invite a member">
        <OrgField />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="E-mail" name="email" error={issueFor(result, 'email')}>
            <TextInput name="email" type="email" required autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} error={issueFor(result, 'email')} />
          </Field>
          <Field label="Role" name="role" hint="Owners manage members; admins manage tokens; editors edit policies; auditors read.">
            <SelectInput name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((option) => (
                <option key={option} value={option} title={ROLE_DESCRIPTIONS[option]}>
                  {ROLE_LABELS[option]}
                </option>
              ))}
            </SelectInput>
          </Field>
        </div>
        <SubmitButton pending={pending} pendingLabel="Inviting…">Create invitation</SubmitButton>
        {created ? null : <ActionMessage result={result} />}
      </form>
      {created ? (
        <div className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="new-invitation">
          <Alert tone="success">Invitation created for {created.email}.</Alert>
          <p className="text-sm text-slate-700">
            Send this link to them yourself (Pilotlight sends no e-mail). It is shown only once and works until {formatDateTime(new Date(created.expiresAt))}. They set their
            own password, or sign in if they already have an account, and accept.
          </p>
          <div className="flex items-center gap-2">
            <code className="flex-1 overflow-x-auto rounded bg-white px-3 py-2 font-mono text-sm ring-1 ring-slate-200" data-testid="new-invitation-link">
              {created.link}
            </code>
            <CopyButton text={created.link} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
