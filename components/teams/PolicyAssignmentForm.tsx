'use client';

import { useActionState, useState } from 'react';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { Field, SelectInput, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { submitKept } from '@/components/ui/kept-form';
import type { ActionResult } from '@/lib/http/action';
import { OrgField } from '@/components/shell/RenderedForOrg';

export interface TemplateOption {
  id: string;
  name: string;
  latestVersion: number;
}

export interface Assignment {
  templateId: string | null;
  pinnedVersion: number | null;
}

export type AssignAction = (previous: ActionResult<Assignment>, formData: FormData) => Promise<ActionResult<Assignment>>;

/**
 * Picks the template of a layer (organization default or team) and optionally pins a version.
 * The inputs are controlled: after a save they show what was saved (the action answers with it),
 * after an error what the admin chose — never the defaults the form was first rendered with, which
 * a reset would bring back and the next Save would store.
 */
export function PolicyAssignmentForm({
  layer,
  teamId,
  templates,
  current,
  action,
}: {
  layer: 'org' | 'team';
  teamId?: string;
  templates: TemplateOption[];
  current: { templateId: string; pinnedVersion: number | null } | null;
  action: AssignAction;
}) {
  const [templateId, setTemplateId] = useState(current?.templateId ?? '');
  const [version, setVersion] = useState(current?.pinnedVersion ? String(current.pinnedVersion) : '');
  const [result, formAction, pending] = useActionState(async (previous: ActionResult<Assignment>, formData: FormData) => {
    const outcome = await action(previous, formData);
    if (outcome?.ok && outcome.data) {
      setTemplateId(outcome.data.templateId ?? '');
      setVersion(outcome.data.pinnedVersion ? String(outcome.data.pinnedVersion) : '');
    }
    return outcome;
  }, null);
  const label = layer === 'org' ? 'Organization default template' : 'Team template';
  return (
    <form onSubmit={submitKept(formAction)} className="space-y-3" aria-label={label}>
      <OrgField />
      {teamId ? <input type="hidden" name="teamId" value={teamId} /> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
        <Field label={label} name={`${layer}-templateId`}>
          <SelectInput name="templateId" id={`${layer}-templateId`} value={templateId} onChange={(event) => setTemplateId(event.target.value)}>
            <option value="">{layer === 'org' ? 'None' : 'None (only the organization default)'}</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name} (latest v{template.latestVersion})
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field label="Pin to version" name={`${layer}-version`} hint="Blank follows the latest version.">
          <TextInput name="version" id={`${layer}-version`} type="number" min={1} value={version} onChange={(event) => setVersion(event.target.value)} />
        </Field>
      </div>
      <SubmitButton pending={pending} variant="secondary" pendingLabel="Saving…">
        Save
      </SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}
