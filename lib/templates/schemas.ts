import { z } from 'zod';
import { policySettingsSchema } from '@/lib/policy/settings';

const PRESET_IDS = ['autopilot-development', 'supervised-production'] as const;

export const templateNameSchema = z.string().trim().min(1, 'Name the template.').max(100);
const noteSchema = z.string().trim().max(2000).optional();
/** Lint rules the author explicitly accepts (only trust-all needs it). */
const acknowledgeSchema = z.array(z.string().max(100)).max(20).optional();

export const createTemplateSchema = z
  .object({
    name: templateNameSchema,
    description: z.string().trim().max(2000).optional(),
    settings: policySettingsSchema.optional(),
    preset: z.enum(PRESET_IDS).optional(),
    note: noteSchema,
    acknowledgeRisks: acknowledgeSchema,
  })
  .strict()
  .refine((input) => !(input.settings && input.preset), { message: 'Send settings or a preset, not both.', path: ['preset'] });
export type CreateTemplateInput = z.infer<typeof createTemplateSchema>;

export const saveVersionSchema = z
  .object({
    settings: policySettingsSchema,
    note: noteSchema,
    /** The version the edit started from; a newer latest version means someone else saved first (409). */
    baseVersion: z.number().int().min(0),
    acknowledgeRisks: acknowledgeSchema,
  })
  .strict();
export type SaveVersionInput = z.infer<typeof saveVersionSchema>;

export const rollbackSchema = z.object({ toVersion: z.number().int().min(1), baseVersion: z.number().int().min(1) }).strict();

export const environmentSchema = z.enum(['development', 'production'], 'Use development or production.');

export const lintRequestSchema = z.object({ settings: policySettingsSchema, environment: environmentSchema.optional() }).strict();

export const coverageRequestSchema = z
  .object({
    trustedCommands: z.array(z.string().max(1000)).max(500),
    commands: z.array(z.string().max(10_000)).min(1, 'Send at least one command.').max(500),
  })
  .strict();

export const versionNumberSchema = z.coerce.number().int('Use a whole version number.').min(1, 'Versions start at 1.');
