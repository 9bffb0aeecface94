'use client';

import { useActionState } from 'react';
import { deleteProjectAction, setProjectOverridesAction } from '@/app/(console)/teams/actions';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { Field, TextInput, inputClasses } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';

const EXAMPLE = '{\n  "trustedCommands": ["npm test", "npm run lint"]\n}';

/** Creates or replaces one project's overrides: a partial settings document, the highest layer. */
export function ProjectOverridesForm({ teamId, project }: { teamId: string; project?: { slug: string; overrides: unknown } }) {
  const [result, save] = useActionState(setProjectOverridesAction, null);
  const [deleteResult, remove] = useActionState(deleteProjectAction, null);
  const formId = project ? `project-${project.slug}` : 'project-new';
  return (
    <div className="space-y-2">
      <form action={save} className="space-y-3" aria-label={project ? `Overrides of ${project.slug}` : 'Add a project'}>
        <input type="hidden" name="teamId" value={teamId} />
        {project ? (
          <input type="hidden" name="slug" value={project.slug} />
        ) : (
          <Field label="Project slug" name={`${formId}-slug`}>
            <TextInput name="slug" id={`${formId}-slug`} required placeholder="checkout-service" />
          </Field>
        )}
        <Field label="Overrides (JSON, any settings fields)" name={`${formId}-overrides`} hint="Fields set here win over the team and organization templates; lists replace theirs.">
          <textarea
            id={`${formId}-overrides`}
            name="overrides"
            rows={project ? 6 : 4}
            spellCheck={false}
            defaultValue={project ? JSON.stringify(project.overrides, null, 2) : EXAMPLE}
            className={`${inputClasses} font-mono text-xs`}
          />
        </Field>
        <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
          {project ? 'Save overrides' : 'Add project'}
        </SubmitButton>
        <ActionMessage result={result} />
      </form>
      {project ? (
        <form action={remove} aria-label={`Delete project ${project.slug}`}>
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="slug" value={project.slug} />
          <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
            Delete project
          </SubmitButton>
          <ActionMessage result={deleteResult && !deleteResult.ok ? deleteResult : null} />
        </form>
      ) : null}
    </div>
  );
}
