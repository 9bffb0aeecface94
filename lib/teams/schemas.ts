import { z } from 'zod';
import { text } from '@/lib/text';
import { policySettingsSchema } from '@/lib/policy/settings';
import { environmentSchema } from '@/lib/templates/schemas';

export const teamSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/, 'Use lowercase letters, digits and dashes (e.g. payments-api).');
export const projectSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9._-]{0,62}[a-z0-9])?$/, 'Use lowercase letters, digits, dots, dashes and underscores.');

export const createTeamSchema = z
  .object({ name: text().trim().min(1, 'Name the team.').max(100), slug: teamSlugSchema, environment: environmentSchema })
  .strict();

export const updateTeamSchema = z
  .object({ name: text().trim().min(1).max(100).optional(), slug: teamSlugSchema.optional(), environment: environmentSchema.optional() })
  .strict()
  .refine((input) => Object.keys(input).length > 0, 'Send at least one of name, slug, environment.');

/** Assign a template to a layer; `version` pins it, otherwise the layer follows the latest version. */
export const assignPolicySchema = z
  .object({ templateId: z.uuid('Use the id of a template.').nullable(), version: z.number().int().min(1).nullable().optional() })
  .strict()
  .refine((input) => input.templateId !== null || input.version == null, { message: 'A version needs a template.', path: ['version'] });

export const projectOverridesSchema = z
  .object({ overrides: policySettingsSchema, acknowledgeRisks: z.array(text().max(100)).max(20).optional() })
  .strict();
