import { z } from 'zod';
import { text } from '@/lib/text';

export const createIngestKeySchema = z
  .object({ name: text().trim().min(1, 'Name the key after what sends with it, e.g. "laptops".').max(100) })
  .strict();

/** Minutes the previous key keeps working after a rotation (default one day, at most 30 days). */
export const DEFAULT_GRACE_MINUTES = 24 * 60;
export const MAX_GRACE_MINUTES = 30 * 24 * 60;

export const rotateIngestKeySchema = z
  .object({ graceMinutes: z.number().int('a whole number of minutes').min(0).max(MAX_GRACE_MINUTES, `at most ${MAX_GRACE_MINUTES} (30 days)`).optional() })
  .strict();
