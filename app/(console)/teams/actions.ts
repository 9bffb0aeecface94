'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUserFor } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { assignOrgPolicy, assignTeamPolicy, createTeam, deleteProject, deleteTeam, setProjectOverrides, updateTeam } from '@/lib/teams/teams';

/** Template select + optional pin from a form: "" means none / follow latest. */
function assignmentFrom(fields: Record<string, unknown>) {
  const templateId = typeof fields.templateId === 'string' ? fields.templateId : null;
  const version = typeof fields.version === 'string' ? Number(fields.version) : null;
  return { templateId, version: templateId ? version : null };
}

export async function createTeamAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  let id = '';
  const result = await runAction(async () => {
    id = (await createTeam(await requireUserFor(formData), formToObject(formData))).id;
  });
  if (result?.ok) redirect(`/teams/${id}`);
  return result;
}

export async function updateTeamAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId, ...fields } = formToObject(formData);
  return runAction(async () => {
    await updateTeam(await requireUserFor(formData), String(teamId), fields);
    revalidatePath(`/teams/${String(teamId)}`);
    return { message: 'Team saved.' };
  });
}

export async function deleteTeamAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId } = formToObject(formData);
  const result = await runAction(async () => {
    await deleteTeam(await requireUserFor(formData), String(teamId));
  });
  if (result?.ok) redirect('/teams');
  return result;
}

/** What an assignment form shows after a save: the saved layer, never its own stale defaults. */
export interface SavedAssignment {
  templateId: string | null;
  pinnedVersion: number | null;
}

export async function assignTeamPolicyAction(_previous: ActionResult<SavedAssignment>, formData: FormData): Promise<ActionResult<SavedAssignment>> {
  const { teamId, ...fields } = formToObject(formData);
  return runAction(async () => {
    const team = await assignTeamPolicy(await requireUserFor(formData), String(teamId), assignmentFrom(fields));
    revalidatePath(`/teams/${String(teamId)}`);
    revalidatePath('/teams');
    return { message: 'Team policy saved.', data: { templateId: team.policy?.templateId ?? null, pinnedVersion: team.policy?.pinnedVersion ?? null } };
  });
}

export async function assignOrgPolicyAction(_previous: ActionResult<SavedAssignment>, formData: FormData): Promise<ActionResult<SavedAssignment>> {
  return runAction(async () => {
    const policy = await assignOrgPolicy(await requireUserFor(formData), assignmentFrom(formToObject(formData)));
    revalidatePath('/teams');
    return { message: 'Organization default saved.', data: { templateId: policy?.templateId ?? null, pinnedVersion: policy?.pinnedVersion ?? null } };
  });
}

/** Called by the project editor with the whole layer (not a form post): JSON-shaped input. */
export async function setProjectOverridesAction(
  renderedForOrg: string,
  teamId: string,
  slug: string,
  input: { overrides: unknown; acknowledgeRisks?: string[] },
): Promise<ActionResult<{ slug: string; overrides: unknown }>> {
  return runAction(async () => {
    const project = await setProjectOverrides(await requireUserFor(renderedForOrg), teamId, slug, input);
    revalidatePath(`/teams/${teamId}`);
    revalidatePath('/teams');
    return { message: `Overrides of project ${project.slug} saved.`, data: { slug: project.slug, overrides: project.overrides } };
  });
}

export async function deleteProjectAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId, slug } = formToObject(formData);
  return runAction(async () => {
    await deleteProject(await requireUserFor(formData), String(teamId), String(slug));
    revalidatePath(`/teams/${String(teamId)}`);
    return { message: `Project ${String(slug)} deleted.` };
  });
}
