'use client';

import { useActionState, useState } from 'react';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '@/lib/auth/permissions';
import type { ActionResult } from '@/lib/http/action';

type Action = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

/**
 * Every input is controlled: after a server error the e-mail, name, role (Auditor stays
 * Auditor) and password are still there; after a success the form is cleared for the next one.
 */
export function AddMemberForm({ action }: { action: Action }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const [password, setPassword] = useState('');
  const [result, formAction, pending] = useActionState<ActionResult, FormData>(async (previous, formData) => {
    const outcome = await action(previous, formData);
    if (outcome?.ok) {
      setEmail('');
      setName('');
      setRole('EDITOR');
      setPassword('');
    }
    return outcome;
  }, null);
  return (
    <form onSubmit={submitKept(formAction)} className="space-y-4" aria-label="Add a member">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="E-mail" name="email" error={issueFor(result, 'email')}>
          <TextInput name="email" type="email" required autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} error={issueFor(result, 'email')} />
        </Field>
        <Field label="Name (optional)" name="name">
          <TextInput name="name" autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />
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
        <Field
          label="Initial password"
          name="password"
          hint={`Only for people without an account yet; at least ${MIN_PASSWORD_LENGTH} characters. Share it with them privately.`}
          error={issueFor(result, 'password')}
        >
          <TextInput name="password" type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} error={issueFor(result, 'password')} />
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Adding…">Add member</SubmitButton>
      </div>
      <ActionMessage result={result} />
    </form>
  );
}
