import { z } from 'zod';
import { text } from '@/lib/text';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { ROLES } from '@/lib/auth/permissions';

export const emailSchema = text().trim().toLowerCase().max(254).pipe(z.email('Enter a valid e-mail address.'));
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
export const organizationNameSchema = text().trim().min(1, 'Name the organization.').max(100);
export const personNameSchema = text().trim().max(200);
export const roleSchema = z.enum(ROLES, 'Choose a role: OWNER, ADMIN, EDITOR or AUDITOR.');

/**
 * Adding a member is an invitation: only the address and the role. No password and no name —
 * the person sets those themselves when they accept (an admin never holds anyone's password).
 */
export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema }).strict();
export type InviteMemberInput = z.infer<typeof inviteMemberSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid('Choose an invitation.') }).strict();

/** What someone without an account sets on /invite/<token>. */
export const newAccountSchema = z
  .object({
    name: personNameSchema.min(1, 'Enter your name.'),
    password: passwordSchema,
  })
  .strict();

export const changeRoleSchema = z.object({ userId: z.uuid(), role: roleSchema }).strict();
export const removeMemberSchema = z.object({ userId: z.uuid() }).strict();

export const setupSchema = z
  .object({
    organization: organizationNameSchema,
    name: personNameSchema.optional(),
    email: emailSchema,
    password: passwordSchema,
  })
  .strict();
export type SetupInput = z.infer<typeof setupSchema>;
