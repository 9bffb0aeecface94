'use server';

import { redirect } from 'next/navigation';
import type { DrillActionResult } from '@/components/dashboard/DrillDownPanel';
import { drillDown } from '@/lib/analytics/drill';
import { trustCommands } from '@/lib/analytics/insights';
import { requireUserFor } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';

/** The records behind a clicked bar or point (same lib function as GET /api/v1/metrics/{chart}/records). */
export async function drillDownAction(input: { chart: string; query: string; x: string; series: string; cursor?: string; renderedForOrg: string }): Promise<DrillActionResult> {
  try {
    const actor = await requireUserFor(input.renderedForOrg);
    const params = new URLSearchParams(input.query);
    params.set('x', input.x);
    params.set('series', input.series);
    if (input.cursor) params.set('cursor', input.cursor);
    return { ok: true, data: await drillDown(actor, input.chart, params) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    console.error('drill-down failed', error);
    return { ok: false, error: 'Something went wrong on our side.' };
  }
}

/** "Add to the trusted list": a new template version with the commands, then the editor. */
export async function trustCommandsAction(formData: FormData): Promise<void> {
  const actor = await requireUserFor(formData);
  const teamId = String(formData.get('teamId') ?? '');
  const commands = formData.getAll('command').map(String);
  const { templateId } = await trustCommands(actor, teamId, commands);
  redirect(`/policies/${templateId}`);
}
