'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { rollbackTemplateAction } from '@/app/(console)/policies/actions';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { formatDateTime } from '@/components/ui/format';

interface Version {
  version: number;
  note: string;
  author: string;
  createdAt: Date;
}

export function VersionHistory({ templateId, versions, latestVersion, canWrite }: { templateId: string; versions: Version[]; latestVersion: number; canWrite: boolean }) {
  const [result, rollback] = useActionState(rollbackTemplateAction, null);
  return (
    <div className="space-y-3">
      <ActionMessage result={result} />
      <ol className="divide-y divide-slate-100" aria-label="Versions">
        {versions.map((version) => (
          <li key={version.version} className="flex flex-wrap items-center justify-between gap-3 py-2.5" data-testid={`version-${version.version}`}>
            <div>
              <Link href={`/policies/${templateId}?version=${version.version}`} className="font-medium text-slate-900 hover:underline">
                Version {version.version}
              </Link>
              {version.version === latestVersion ? <span className="ml-2 text-xs text-emerald-700">latest</span> : null}
              <div className="text-xs text-slate-500">
                {version.note || 'No note'} — {version.author}, {formatDateTime(version.createdAt)}
              </div>
            </div>
            <div className="flex items-center gap-2">
              {version.version > 1 ? (
                <Link className="text-sm text-brand-700 hover:underline" href={`/policies/${templateId}/diff?from=${version.version - 1}&to=${version.version}`}>
                  Changes from v{version.version - 1}
                </Link>
              ) : null}
              {canWrite && version.version !== latestVersion ? (
                <form action={rollback} aria-label={`Roll back to version ${version.version}`}>
                  <input type="hidden" name="templateId" value={templateId} />
                  <input type="hidden" name="toVersion" value={version.version} />
                  <input type="hidden" name="baseVersion" value={latestVersion} />
                  <SubmitButton variant="secondary" size="sm" pendingLabel="Rolling back…">
                    Roll back to this
                  </SubmitButton>
                </form>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
