import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { downloadTeamPolicy, downloadTemplate, recordDownload } from './downloads';
import { fileResponse } from './response';

interface DownloadRequest {
  request: Request;
  actor: Actor;
  params: { id: string };
}

/** GET …/templates/{id}/download?format=…[&version=N][&environment=…], for API tokens and the console alike. */
export async function serveTemplateDownload({ request, actor, params }: DownloadRequest): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const download = await downloadTemplate(actor, params.id, { format: query.get('format'), version: query.get('version'), environment: query.get('environment') });
  const response = fileResponse(request, download);
  if (response.status === 200) await recordDownload(actor, { type: 'policy_template', id: params.id }, download);
  return response;
}

/** GET …/teams/{id}/download?format=…[&project=slug]: the effective policy of a team or project. */
export async function serveTeamDownload({ request, actor, params }: DownloadRequest): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const project = query.get('project');
  const download = await downloadTeamPolicy(actor, params.id, { format: query.get('format'), project });
  const response = fileResponse(request, download);
  if (response.status === 200) await recordDownload(actor, { type: 'team', id: params.id }, download, project ? { project } : {});
  return response;
}
