import { z } from 'zod';
import { text } from '@/lib/text';
import { SCOPES } from '@/lib/auth/permissions';

export const scopeSchema = z.enum(SCOPES, `Unknown scope; use one of: ${SCOPES.join(', ')}.`);

export const createTokenSchema = z
  .object({
    name: text().trim().min(1, 'Name the token after what uses it.').max(100),
    scopes: z
      .array(scopeSchema)
      .min(1, 'Choose at least one scope.')
      .transform((scopes) => [...new Set(scopes)].sort()),
  })
  .strict();
export type CreateTokenInput = z.input<typeof createTokenSchema>;

export const revokeTokenSchema = z.object({ tokenId: z.uuid() }).strict();
