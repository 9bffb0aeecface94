import { z } from 'zod';
import { maskSecrets } from '@/lib/policy/secrets';
import type { CopyValue } from './copy-text';
import { issuesMessage, type EnrichContext, type MapResult } from './context';
import { parseTimestamp } from './time';

/**
 * Amazon Q Developer / Kiro prompt-log records (mission.md §2): chat records hold
 * generateAssistantResponseEventRequest/Response, inline ones generateCompletionsEventRequest/
 * Response. Secrets in the texts are masked with the template lint's detectors before storage.
 */
const loose = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const optionalText = z.string().nullish();

const chatSchema = z.object({
  generateAssistantResponseEventRequest: loose({
    prompt: optionalText,
    chatTriggerType: optionalText,
    customizationArn: optionalText,
    userId: z.string({ error: 'required' }).min(1),
    timeStamp: z.string({ error: 'required' }),
    modelId: optionalText,
  }),
  generateAssistantResponseEventResponse: loose({
    assistantResponse: optionalText,
    messageMetadata: loose({ conversationId: optionalText }).nullish(),
    requestId: z.string({ error: 'required' }).min(1),
  }),
});

const inlineSchema = z.object({
  generateCompletionsEventRequest: loose({
    leftContext: optionalText,
    rightContext: optionalText,
    fileName: optionalText,
    customizationArn: optionalText,
    userId: z.string({ error: 'required' }).min(1),
    timeStamp: z.string({ error: 'required' }),
  }),
  generateCompletionsEventResponse: loose({
    completions: z.array(z.union([z.string(), loose({ content: z.string() })])).nullish(),
    requestId: z.string({ error: 'required' }).min(1),
  }),
});

export const PROMPT_COLUMNS = [
  'org_id', 'ts', 'request_id', 'upload_id', 'team_id', 'kind', 'user_id', 'user_key', 'trigger_type', 'model_id',
  'customization_arn', 'conversation_id', 'file_name', 'prompt', 'response', 'left_context', 'right_context', 'completions',
  'secrets_masked',
] as const;

/** `d-92675051d5.b8f1f340-…` → `b8f1f340-…` (the activity report's UserId), lower case. */
export function userKeyFromPromptUserId(userId: string): string {
  const trimmed = userId.trim();
  const match = /^d-[0-9a-z]+\.(.+)$/i.exec(trimmed);
  return (match ? match[1]! : trimmed).toLowerCase();
}

function masked(value: string | null | undefined, counter: { n: number }): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  const result = maskSecrets(value);
  counter.n += result.masked;
  return result.text;
}

export function mapPromptRecord(value: unknown, ctx: EnrichContext): MapResult<CopyValue[]> {
  const record = value as Record<string, unknown>;
  const isChat = 'generateAssistantResponseEventRequest' in record || 'generateAssistantResponseEventResponse' in record;
  const isInline = 'generateCompletionsEventRequest' in record || 'generateCompletionsEventResponse' in record;
  if (!isChat && !isInline) {
    return { ok: false, message: 'Neither a chat record (generateAssistantResponseEventRequest/Response) nor an inline record (generateCompletionsEventRequest/Response).' };
  }
  const counter = { n: 0 };
  let kind: 'chat' | 'inline';
  let userId: string;
  let timeStamp: string;
  let requestId: string;
  let fields: { trigger: string | null; model: string | null; arn: string | null; conversation: string | null; fileName: string | null; prompt: string | null; response: string | null; left: string | null; right: string | null; completions: string[] };
  if (isChat) {
    const parsed = chatSchema.safeParse(record);
    if (!parsed.success) return { ok: false, message: issuesMessage(parsed.error.issues) };
    const request = parsed.data.generateAssistantResponseEventRequest;
    const response = parsed.data.generateAssistantResponseEventResponse;
    kind = 'chat';
    ({ userId, timeStamp } = request);
    requestId = response.requestId;
    fields = {
      trigger: request.chatTriggerType ?? null,
      model: request.modelId ?? null,
      arn: request.customizationArn ?? null,
      conversation: response.messageMetadata?.conversationId ?? null,
      fileName: null,
      prompt: masked(request.prompt, counter),
      response: masked(response.assistantResponse, counter),
      left: null,
      right: null,
      completions: [],
    };
  } else {
    const parsed = inlineSchema.safeParse(record);
    if (!parsed.success) return { ok: false, message: issuesMessage(parsed.error.issues) };
    const request = parsed.data.generateCompletionsEventRequest;
    const response = parsed.data.generateCompletionsEventResponse;
    kind = 'inline';
    ({ userId, timeStamp } = request);
    requestId = response.requestId;
    fields = {
      trigger: null,
      model: null,
      arn: request.customizationArn ?? null,
      conversation: null,
      fileName: request.fileName ?? null,
      prompt: null,
      response: null,
      left: masked(request.leftContext, counter),
      right: masked(request.rightContext, counter),
      completions: (response.completions ?? []).map((c) => masked(typeof c === 'string' ? c : c.content, counter) ?? ''),
    };
  }
  const ts = parseTimestamp(timeStamp);
  if (!ts) return { ok: false, message: `timeStamp: "${timeStamp.slice(0, 40)}" is not an ISO 8601 date-time between 2000 and 2100` };
  const userKey = userKeyFromPromptUserId(userId);
  const teamId = ctx.identityTeam(userKey) ?? ctx.uploadTeam?.id ?? null;
  return {
    ok: true,
    row: [
      ctx.orgId, ts, requestId, ctx.uploadId, teamId, kind, userId, userKey, fields.trigger, fields.model, fields.arn,
      fields.conversation, fields.fileName, fields.prompt, fields.response, fields.left, fields.right, fields.completions, counter.n,
    ],
  };
}
