'use client';

import { useActionState } from 'react';
import { addMemberAction } from '@/app/(console)/settings/members/actions';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/permissions';

export function AddMemberForm() {
  const [result, formAction] = useActionState(addMemberAction, null);
  return (
    <form action={formAction} className="space-y-4" aria-label="Add a member">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="E-mail" name="email" error={issueFor(result, 'email')}>
          <TextInput name="email" type="email" required autoComplete="off" error={issueFor(result, 'email')} />
        </Field>
        <Field label="Name (optional)" name="name">
          <TextInput name="name" autoComplete="off" />
        </Field>
        <Field label="Role" name="role" hint="Owners manage members; admins manage tokens; editors edit policies; auditors read.">
          <SelectInput name="role" defaultValue="EDITOR">
            {ROLES.map((role) => (
              <option key={role} value={role} title={ROLE_DESCRIPTIONS[role]}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field
          label="Initial password"
          name="password"
          hint={`Only for people without an account yet; at least ${MIN_PASSWORD_LENGTH} characters. Share it with them privately.`}
          error={issueFor(result, 'password')}
        >
          <TextInput name="password" type="password" autoComplete="new-password" error={issueFor(result, 'password')} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Adding…">Add member</SubmitButton>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
