import 'server-only';
import { assertCan, type Actor } from '@/lib/auth/permissions';

export type TemplateSummary = never;

/** Policy templates arrive with the templates feature; until then every organization has none. */
export async function listTemplates(actor: Actor): Promise<TemplateSummary[]> {
  assertCan(actor, 'templates:read');
  return [];
}
