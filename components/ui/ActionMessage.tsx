import type { ActionResult } from '@/lib/http/action';
import { Alert } from './Alert';

/** The outcome of a server action, shown next to the form that ran it. */
export function ActionMessage({ result }: { result: ActionResult<unknown> }) {
  if (!result) return null;
  if (result.ok) return result.message ? <Alert tone="success">{result.message}</Alert> : null;
  return (
    <Alert tone="error">
      {result.error}
      {result.issues?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {result.issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? <code>{issue.path}</code> : null} {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

export function issueFor(result: ActionResult<unknown>, path: string): string | undefined {
  return result && !result.ok ? result.issues?.find((issue) => issue.path === path)?.message : undefined;
}
