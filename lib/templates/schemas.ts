import { z } from 'zod';
import { text } from '@/lib/text';
import { policySettingsSchema } from '@/lib/policy/settings';

const PRESET_IDS = ['autopilot-development', 'supervised-production'] as const;

export const templateNameSchema = text().trim().min(1, 'Name the template.').max(100);
const noteSchema = text().trim().max(2000).optional();
/** Lint rules the author explicitly accepts (trust-all, hardcoded-secret: see lib/policy/gate.ts). */
const acknowledgeSchema = z.array(text().max(100)).max(20).optional();

export const createTemplateSchema = z
  .object({
    name: templateNameSchema,
    description: text().trim().max(2000).optional(),
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

export const rollbackSchema = z
  .object({ toVersion: z.number().int().min(1), baseVersion: z.number().int().min(1), acknowledgeRisks: acknowledgeSchema })
  .strict();

export const environmentSchema = z.enum(['development', 'production'], 'Use development or production.');

export const lintRequestSchema = z.object({ settings: policySettingsSchema, environment: environmentSchema.optional() }).strict();

/**
 * Coverage work grows with commands × trusted entries × command length, and every result echoes
 * its command's segments: bounded so one read-only request costs milliseconds, not seconds.
 */
export const COVERAGE_LIMITS = { trustedCommands: 500, commands: 100, commandLength: 2000, totalCommandChars: 50_000 } as const;
export const coverageRequestSchema = z
  .object({
    trustedCommands: z.array(text().max(1000)).max(COVERAGE_LIMITS.trustedCommands),
    commands: z
      .array(text().max(COVERAGE_LIMITS.commandLength, `A command can be at most ${COVERAGE_LIMITS.commandLength} characters.`))
      .min(1, 'Send at least one command.')
      .max(COVERAGE_LIMITS.commands, `Send at most ${COVERAGE_LIMITS.commands} commands per request.`)
      .refine(
        (commands) => commands.reduce((sum, command) => sum + command.length, 0) <= COVERAGE_LIMITS.totalCommandChars,
        `Send at most ${COVERAGE_LIMITS.totalCommandChars} characters of commands per request.`,
      ),
  })
  .strict();

export const versionNumberSchema = z.coerce.number().int('Use a whole version number.').min(1, 'Versions start at 1.');
