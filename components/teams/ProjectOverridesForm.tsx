'use client';

import { useActionState, useMemo, useState, useTransition } from 'react';
import { Acknowledgements } from '@/components/policies/editor/Acknowledgements';
import { draftOf, draftProblem, textInvalid, type Draft } from '@/components/policies/editor/draft';
import { FindingsList } from '@/components/policies/editor/FindingsList';
import { LayerEditor } from '@/components/policies/editor/LayerEditor';
import { useUnsavedChanges } from '@/components/policies/editor/useUnsavedChanges';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { Button } from '@/components/ui/Button';
import { Field, TextInput } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { ActionResult } from '@/lib/http/action';
import { zodIssues } from '@/lib/http/json';
import { evaluateSettingsWrite } from '@/lib/policy/gate';
import { lintSettings } from '@/lib/policy/lint';
import { mergeLayers } from '@/lib/policy/merge';
import { policySettingsSchema, type CompleteSettings, type PolicySettings } from '@/lib/policy/settings';
import { OrgField, useRenderedForOrg } from '@/components/shell/RenderedForOrg';

export type SaveProjectOverrides = (
  /** The organization this page was rendered for: the server refuses if it is not the caller's now. */
  renderedForOrg: string,
  teamId: string,
  slug: string,
  input: { overrides: PolicySettings; acknowledgeRisks?: string[] },
) => Promise<ActionResult<{ slug: string; overrides: unknown }>>;
export type DeleteProject = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

/**
 * Creates or replaces one project's overrides — a partial settings document, the highest layer —
 * with the same editor as a template (form or raw JSON), live lint of the project's effective
 * policy (the team's layers below it, in the team's environment) and the same acknowledgements
 * the server's gate asks for. A new project starts empty: nothing is overridden until set.
 */
export function ProjectOverridesForm({
  teamId,
  environment,
  inherited,
  project,
  saveAction,
  deleteAction,
}: {
  teamId: string;
  environment: 'development' | 'production';
  /** The team's effective policy without any project: what the overrides sit on. */
  inherited: CompleteSettings;
  project?: { slug: string; overrides: PolicySettings };
  saveAction: SaveProjectOverrides;
  deleteAction?: DeleteProject;
}) {
  const [slug, setSlug] = useState(project?.slug ?? '');
  const [saved, setSaved] = useState<PolicySettings>(project?.overrides ?? {});
  const [draft, setDraft] = useState<Draft>(() => draftOf(project?.overrides ?? {}));
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<ActionResult<{ slug: string; overrides: unknown }>>(null);
  const [pending, startTransition] = useTransition();
  const [deleteResult, remove] = useActionState(deleteAction ?? (async () => null), null);
  const { settings } = draft;
  const renderedForOrg = useRenderedForOrg();

  const issues = useMemo(() => {
    const parsed = policySettingsSchema.safeParse(settings);
    return parsed.success ? [] : zodIssues(parsed.error);
  }, [settings]);
  const evaluation = useMemo(() => (issues.length ? null : evaluateSettingsWrite(settings, { environment, acknowledged: [...acknowledged] })), [settings, environment, acknowledged, issues]);
  const findings = useMemo(
    () => (issues.length ? [] : lintSettings(mergeLayers([{ source: 'team', settings: inherited as PolicySettings }, { source: 'project', settings }]).settings, { environment })),
    [settings, inherited, environment, issues],
  );
  const changed = JSON.stringify(settings) !== JSON.stringify(saved) || textInvalid(draft);
  useUnsavedChanges(changed && !pending);
  const blocker =
    draftProblem(draft) ??
    (issues.length ? 'Fix the problems marked in the form before saving.' : null) ??
    (evaluation?.missing.length ? 'Acknowledge the risks above, or remove them, before saving.' : null) ??
    (!project && !slug.trim() ? 'Name the project.' : null) ??
    (project && !changed ? 'No changes to save yet.' : null);
  const serverIssues = result && !result.ok ? (result.issues ?? []).map((issue) => ({ ...issue, path: issue.path.replace(/^overrides\.?/, 'settings.') })) : [];
  const formId = project ? `project-${project.slug}` : 'project-new';

  function save() {
    if (blocker) return;
    startTransition(async () => {
      const outcome = await saveAction(renderedForOrg, teamId, project?.slug ?? slug, {
        overrides: settings,
        ...(evaluation?.acknowledged.length ? { acknowledgeRisks: [...evaluation.acknowledged] } : {}),
      });
      setResult(outcome);
      if (!outcome?.ok) return;
      if (project) {
        // Show what was saved (as the server stored it).
        const stored = (outcome.data?.overrides ?? settings) as PolicySettings;
        setSaved(stored);
        setDraft(draftOf(stored));
      } else {
        // The new project now appears in the list above; this form is ready for the next one.
        setSlug('');
        setSaved({});
        setDraft(draftOf({}));
      }
      setAcknowledged(new Set());
    });
  }

  return (
    <div className="space-y-3" role="form" aria-label={project ? `Overrides of ${project.slug}` : 'Add a project'}>
      {project ? null : (
        <Field label="Project slug" name={`${formId}-slug`}>
          <TextInput name="slug" id={`${formId}-slug`} required value={slug} onChange={(event) => setSlug(event.target.value)} placeholder="checkout-service" disabled={pending} />
        </Field>
      )}
      <p className="text-xs text-slate-500">Fields set here win over the team and organization templates; lists replace theirs. Unset fields are inherited.</p>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_18rem]">
        <LayerEditor draft={draft} onDraft={setDraft} findings={findings} issues={serverIssues} disabled={pending} />
        <div className="space-y-3">
          <div className="rounded-lg bg-white p-3 ring-1 ring-slate-200">
            <h4 className="mb-2 text-sm font-semibold text-slate-900">Findings of the project&apos;s effective policy ({environment})</h4>
            <FindingsList findings={findings} />
          </div>
          <Acknowledgements required={evaluation?.required ?? []} acknowledged={acknowledged} onChange={setAcknowledged} disabled={pending} />
          <Button variant="secondary" size="sm" onClick={save} disabled={pending || blocker !== null}>
            {pending ? 'Saving…' : project ? 'Save overrides' : 'Add project'}
          </Button>
          {blocker && (changed || !project) ? <p className="text-xs text-slate-600">{blocker}</p> : null}
          <ActionMessage result={result} />
        </div>
      </div>
      {project && deleteAction ? (
        <form
          action={remove}
          aria-label={`Delete project ${project.slug}`}
          onSubmit={(event) => {
            if (!window.confirm(`Delete the project “${project.slug}” and its overrides? Its machines then get the team's policy.`)) event.preventDefault();
          }}
        >
          <OrgField />
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
