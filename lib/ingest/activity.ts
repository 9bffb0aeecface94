import type { CopyValue } from './copy-text';
import type { EnrichContext, MapResult } from './context';
import { parseReportDate } from './time';

/**
 * User activity reports: Amazon Q Developer's by_user_analytic CSV (46 columns, Date as
 * MM-dd-yyyy, one file per day in 1,000-user parts) and Kiro's user_report CSV (Date, UserId,
 * Client_Type, Chat_Conversations, Credits_Used, … and one `<model>_messages` column per model).
 * Empty counter cells are 0; columns the format does not know are kept in `extra` and reported.
 */
export const Q_ACTIVITY_COUNTERS = [
  'Chat_AICodeLines', 'Chat_MessagesInteracted', 'Chat_MessagesSent',
  'CodeFix_AcceptanceEventCount', 'CodeFix_AcceptedLines', 'CodeFix_GeneratedLines', 'CodeFix_GenerationEventCount',
  'CodeReview_FailedEventCount', 'CodeReview_FindingsCount', 'CodeReview_SucceededEventCount',
  'Dev_AcceptanceEventCount', 'Dev_AcceptedLines', 'Dev_GeneratedLines', 'Dev_GenerationEventCount',
  'DocGeneration_AcceptedFileUpdates', 'DocGeneration_AcceptedFilesCreations', 'DocGeneration_AcceptedLineAdditions',
  'DocGeneration_AcceptedLineUpdates', 'DocGeneration_EventCount', 'DocGeneration_RejectedFileCreations',
  'DocGeneration_RejectedFileUpdates', 'DocGeneration_RejectedLineAdditions', 'DocGeneration_RejectedLineUpdates',
  'InlineChat_AcceptanceEventCount', 'InlineChat_AcceptedLineAdditions', 'InlineChat_AcceptedLineDeletions',
  'InlineChat_DismissalEventCount', 'InlineChat_DismissedLineAdditions', 'InlineChat_DismissedLineDeletions',
  'InlineChat_RejectedLineAdditions', 'InlineChat_RejectedLineDeletions', 'InlineChat_RejectionEventCount',
  'InlineChat_TotalEventCount',
  'Inline_AICodeLines', 'Inline_AcceptanceCount', 'Inline_SuggestionsCount',
  'TestGeneration_AcceptedLines', 'TestGeneration_AcceptedTests', 'TestGeneration_EventCount',
  'TestGeneration_GeneratedLines', 'TestGeneration_GeneratedTests',
  'Transformation_EventCount', 'Transformation_LinesGenerated', 'Transformation_LinesIngested',
] as const;

export const KIRO_ACTIVITY_COUNTERS = ['Chat_Conversations', 'Credits_Used', 'Overage_Credits_Used', 'Overage_Cap', 'Total_Messages'] as const;
/** Kiro columns that are facts about the user, not counters. */
export const KIRO_ACTIVITY_ATTRIBUTES = ['Overage_Enabled', 'ProfileId', 'Subscription_Tier', 'New_User', 'User_Email'] as const;

export const ACTIVITY_COLUMNS = ['org_id', 'day', 'user_key', 'client_type', 'upload_id', 'team_id', 'source', 'email', 'metrics', 'extra'] as const;

export type ActivitySource = 'q-developer' | 'kiro';

const lower = (names: readonly string[]) => new Map(names.map((name) => [name.toLowerCase(), name]));
const Q_COUNTERS = lower(Q_ACTIVITY_COUNTERS);
const KIRO_COUNTERS = lower(KIRO_ACTIVITY_COUNTERS);
const KIRO_ATTRIBUTES = lower(KIRO_ACTIVITY_ATTRIBUTES);

function counter(raw: string | undefined): number | null {
  const value = (raw ?? '').trim();
  if (value === '') return 0;
  const number = Number(value.replace(/,/g, ''));
  return Number.isFinite(number) ? number : null;
}

/** One CSV row of either report → a user_activity_day row. */
export function mapActivityRow(source: ActivitySource, row: Record<string, string>, ctx: EnrichContext): MapResult<CopyValue[]> {
  const byLower = new Map(Object.entries(row).map(([key, value]) => [key.trim().toLowerCase(), { key: key.trim(), value }]));
  const userId = byLower.get('userid')?.value.trim() ?? '';
  if (!userId) return { ok: false, message: 'UserId: required' };
  const dateText = byLower.get('date')?.value ?? '';
  const day = parseReportDate(dateText);
  if (!day) return { ok: false, message: `Date: "${dateText.slice(0, 20)}" is not a date (MM-dd-yyyy or yyyy-MM-dd)` };
  const clientType = source === 'kiro' ? (byLower.get('client_type')?.value.trim() || 'KIRO') : 'Q_DEVELOPER';

  const metrics: Record<string, number> = {};
  const extra: Record<string, string> = {};
  const problems: string[] = [];
  const counters = source === 'kiro' ? KIRO_COUNTERS : Q_COUNTERS;
  for (const [name, canonicalName] of counters) {
    const cell = byLower.get(name);
    if (!cell) continue;
    const value = counter(cell.value);
    if (value === null) problems.push(`${canonicalName}: "${cell.value.slice(0, 20)}" is not a number`);
    else metrics[canonicalName] = value;
  }
  for (const [name, { key, value }] of byLower) {
    if (name === 'userid' || name === 'date' || name === 'client_type' || counters.has(name)) continue;
    if (source === 'kiro' && name.endsWith('_messages')) {
      const count = counter(value);
      if (count === null) problems.push(`${key}: "${value.slice(0, 20)}" is not a number`);
      else metrics[key] = count;
      continue;
    }
    if (source === 'kiro' && KIRO_ATTRIBUTES.has(name)) {
      if (value.trim() !== '') extra[KIRO_ATTRIBUTES.get(name)!] = value.trim();
      continue;
    }
    ctx.noteUnknownColumn(key);
    if (value !== '') extra[key] = value;
  }
  if (problems.length) return { ok: false, message: problems.slice(0, 5).join('; ') };

  const userKey = userId.replace(/^d-[0-9a-z]+\./i, '').toLowerCase();
  const email = extra.User_Email ?? ctx.identityEmail(userKey);
  const teamId = ctx.identityTeam(userKey) ?? (email ? ctx.identityTeam(email.toLowerCase()) : null) ?? ctx.uploadTeam?.id ?? null;
  return {
    ok: true,
    row: [ctx.orgId, day.toISOString().slice(0, 10), userKey, clientType, ctx.uploadId, teamId, source, email ?? null, JSON.stringify(metrics), Object.keys(extra).length ? JSON.stringify(extra) : null],
  };
}
