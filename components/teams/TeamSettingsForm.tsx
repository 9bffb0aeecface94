'use client';

import { useActionState, useState } from 'react';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

type FormAction = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

/** Controlled inputs: after an error they keep what was entered, after a save they show the saved values. */
export function TeamSettingsForm({
  team,
  canDelete,
  updateAction,
  deleteAction,
}: {
  team: { id: string; name: string; slug: string; environment: string };
  canDelete: boolean;
  updateAction: FormAction;
  deleteAction: FormAction;
}) {
  const [result, update, pending] = useActionState(updateAction, null);
  const [deleteResult, remove] = useActionState(deleteAction, null);
  const [name, setName] = useState(team.name);
  const [slug, setSlug] = useState(team.slug);
  const [environment, setEnvironment] = useState(team.environment);
  return (
    <div className="space-y-4">
      <form onSubmit={submitKept(update)} className="space-y-3" aria-label="Team details">
        <OrgField />
        <input type="hidden" name="teamId" value={team.id} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Name" name="team-name" error={issueFor(result, 'name')}>
            <TextInput name="name" id="team-name" value={name} onChange={(event) => setName(event.target.value)} required />
          </Field>
          <Field label="Slug" name="team-slug" error={issueFor(result, 'slug')}>
            <TextInput name="slug" id="team-slug" value={slug} onChange={(event) => setSlug(event.target.value)} required />
          </Field>
          <Field label="Environment" name="team-environment">
            <SelectInput name="environment" id="team-environment" value={environment} onChange={(event) => setEnvironment(event.target.value)}>
              <option value="development">Development</option>
              <option value="production">Production</option>
            </SelectInput>
          </Field>
        </div>
        <SubmitButton pending={pending} variant="secondary" pendingLabel="Saving…">
          Save team
        </SubmitButton>
        <ActionMessage result={result} />
      </form>
      {canDelete ? (
        <form
          action={remove}
          aria-label={`Delete ${team.name}`}
          onSubmit={(event) => {
            if (!window.confirm(`Delete the team “${team.name}” and its projects? Templates are kept.`)) event.preventDefault();
          }}
        >
          <OrgField />
          <input type="hidden" name="teamId" value={team.id} />
          <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
            Delete team
          </SubmitButton>
          <ActionMessage result={deleteResult && !deleteResult.ok ? deleteResult : null} />
        </form>
      ) : null}
    </div>
  );
}
