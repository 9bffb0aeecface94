'use client';

import { useActionState } from 'react';
import { assignOrgPolicyAction, assignTeamPolicyAction } from '@/app/(console)/teams/actions';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';

export interface TemplateOption {
  id: string;
  name: string;
  latestVersion: number;
}

/** Picks the template of a layer (organization default or team) and optionally pins a version. */
export function PolicyAssignmentForm({
  layer,
  teamId,
  templates,
  current,
}: {
  layer: 'org' | 'team';
  teamId?: string;
  templates: TemplateOption[];
  current: { templateId: string; pinnedVersion: number | null } | null;
}) {
  const [result, formAction] = useActionState(layer === 'org' ? assignOrgPolicyAction : assignTeamPolicyAction, null);
  const label = layer === 'org' ? 'Organization default template' : 'Team template';
  return (
    <form action={formAction} className="space-y-3" aria-label={label}>
      {teamId ? <input type="hidden" name="teamId" value={teamId} /> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field label={label} name={`${layer}-templateId`}>
          <SelectInput name="templateId" id={`${layer}-templateId`} defaultValue={current?.templateId ?? ''}>
            <option value="">{layer === 'org' ? 'None' : 'None (only the organization default)'}</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name} (latest v{template.latestVersion})
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field label="Pin to version" name={`${layer}-version`} hint="Blank follows the latest version.">
          <TextInput name="version" id={`${layer}-version`} type="number" min={1} defaultValue={current?.pinnedVersion ?? ''} />
        </Field>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}
