import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { AppError, type ValidationIssue } from '@/lib/errors';

/** What a server action returns to its form (used with React's useActionState). */
export type ActionResult<T = undefined> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; error: string; code: string; issues?: ValidationIssue[]; details?: unknown }
  | null;

/**
 * The server-action twin of apiRoute's error mapping: typed errors become a result the form
 * shows; redirects and notFound() pass through; anything else is logged and reported generically.
 */
export async function runAction<T>(work: () => Promise<{ message?: string; data?: T } | void>): Promise<ActionResult<T>> {
  try {
    const result = await work();
    return { ok: true, ...(result ?? {}) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError) {
      const issues = (error.details as { issues?: ValidationIssue[] } | undefined)?.issues;
      return { ok: false, error: error.message, code: error.code, ...(issues ? { issues } : error.details !== undefined ? { details: error.details } : {}) };
    }
    console.error('Unhandled error in server action', error);
    return { ok: false, error: 'Something went wrong on our side.', code: 'internal_error' };
  }
}
