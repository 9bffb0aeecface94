'use client';

import { useActionState } from 'react';
import { deleteTeamAction, updateTeamAction } from '@/app/(console)/teams/actions';
import { ActionMessage, issueFor } from '@/components/ui/ActionMessage';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';

export function TeamSettingsForm({ team, canDelete }: { team: { id: string; name: string; slug: string; environment: string }; canDelete: boolean }) {
  const [result, update] = useActionState(updateTeamAction, null);
  const [deleteResult, remove] = useActionState(deleteTeamAction, null);
  return (
    <div className="space-y-4">
      <form action={update} className="space-y-3" aria-label="Team details">
        <input type="hidden" name="teamId" value={team.id} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Name" name="team-name" error={issueFor(result, 'name')}>
            <TextInput name="name" id="team-name" defaultValue={team.name} required />
          </Field>
          <Field label="Slug" name="team-slug" error={issueFor(result, 'slug')}>
            <TextInput name="slug" id="team-slug" defaultValue={team.slug} required />
          </Field>
          <Field label="Environment" name="team-environment">
            <SelectInput name="environment" id="team-environment" defaultValue={team.environment}>
              <option value="development">Development</option>
              <option value="production">Production</option>
            </SelectInput>
          </Field>
        </div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
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
