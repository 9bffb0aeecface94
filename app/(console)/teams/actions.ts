'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { runAction, type ActionResult } from '@/lib/http/action';
import { formToObject } from '@/lib/http/form';
import { parseJsonText } from '@/lib/http/json';
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
    id = (await createTeam(await requireUser(), formToObject(formData))).id;
  });
  if (result?.ok) redirect(`/teams/${id}`);
  return result;
}

export async function updateTeamAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId, ...fields } = formToObject(formData);
  return runAction(async () => {
    await updateTeam(await requireUser(), String(teamId), fields);
    revalidatePath(`/teams/${String(teamId)}`);
    return { message: 'Team saved.' };
  });
}

export async function deleteTeamAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId } = formToObject(formData);
  const result = await runAction(async () => {
    await deleteTeam(await requireUser(), String(teamId));
  });
  if (result?.ok) redirect('/teams');
  return result;
}

export async function assignTeamPolicyAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId, ...fields } = formToObject(formData);
  return runAction(async () => {
    await assignTeamPolicy(await requireUser(), String(teamId), assignmentFrom(fields));
    revalidatePath(`/teams/${String(teamId)}`);
    return { message: 'Team policy saved.' };
  });
}

export async function assignOrgPolicyAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await assignOrgPolicy(await requireUser(), assignmentFrom(formToObject(formData)));
    revalidatePath('/teams');
    return { message: 'Organization default saved.' };
  });
}

export async function setProjectOverridesAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId, slug, overrides } = formToObject(formData);
  return runAction(async () => {
    const parsed = parseJsonText(typeof overrides === 'string' ? overrides : '{}');
    const project = await setProjectOverrides(await requireUser(), String(teamId), String(slug ?? ''), { overrides: parsed });
    revalidatePath(`/teams/${String(teamId)}`);
    return { message: `Overrides of project ${project.slug} saved.` };
  });
}

export async function deleteProjectAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const { teamId, slug } = formToObject(formData);
  return runAction(async () => {
    await deleteProject(await requireUser(), String(teamId), String(slug));
    revalidatePath(`/teams/${String(teamId)}`);
    return { message: `Project ${String(slug)} deleted.` };
  });
}
