'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { Acknowledgements } from '@/components/policies/editor/Acknowledgements';
import { ActionMessage } from '@/components/ui/ActionMessage';
import { Badge } from '@/components/ui/Badge';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { formatDateTime } from '@/components/ui/format';
import type { ActionResult } from '@/lib/http/action';
import { isAcknowledgeableRule, type AcknowledgeableRule } from '@/lib/policy/gate';
import { OrgField } from '@/components/shell/RenderedForOrg';

interface Version {
  version: number;
  note: string;
  author: string;
  createdAt: Date;
  holdsSecret?: boolean;
  secretsPurgedAt?: Date | null;
}

type FormAction = (previous: ActionResult, formData: FormData) => Promise<ActionResult>;

/** The risks a refused rollback asks to acknowledge (the gate's `acknowledgeRisks` issues). */
function risksToAcknowledge(result: ActionResult): AcknowledgeableRule[] {
  if (!result || result.ok) return [];
  return (result.issues ?? [])
    .filter((issue) => issue.path === 'acknowledgeRisks')
    .map((issue) => /“(.+)”/.exec(issue.message)?.[1] ?? '')
    .filter(isAcknowledgeableRule);
}

function RollbackForm({ templateId, version, latestVersion, action }: { templateId: string; version: number; latestVersion: number; action: FormAction }) {
  const [result, rollback] = useActionState(action, null);
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const required = risksToAcknowledge(result);
  return (
    <form
      action={rollback}
      aria-label={`Roll back to version ${version}`}
      className="space-y-2"
      onSubmit={(event) => {
        if (!window.confirm(`Save a new version ${latestVersion + 1} equal to version ${version}? Teams following the latest version get it at once.`)) event.preventDefault();
      }}
    >
      <OrgField />
      <input type="hidden" name="templateId" value={templateId} />
      <input type="hidden" name="toVersion" value={version} />
      <input type="hidden" name="baseVersion" value={latestVersion} />
      <Acknowledgements required={required} acknowledged={acknowledged} onChange={setAcknowledged} />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Rolling back…">
        {required.length ? 'Roll back anyway' : 'Roll back to this'}
      </SubmitButton>
      <ActionMessage result={result} />
    </form>
  );
}

export function VersionHistory({
  templateId,
  versions,
  latestVersion,
  canWrite,
  rollbackAction,
}: {
  templateId: string;
  versions: Version[];
  latestVersion: number;
  canWrite: boolean;
  rollbackAction: FormAction;
}) {
  return (
    <div className="space-y-3">
      <ol className="divide-y divide-slate-100" aria-label="Versions">
        {versions.map((version) => (
          <li key={version.version} className="flex flex-wrap items-center justify-between gap-3 py-2.5" data-testid={`version-${version.version}`}>
            <div>
              <Link href={`/policies/${templateId}?version=${version.version}`} className="font-medium text-slate-900 hover:underline">
                Version {version.version}
              </Link>
              {version.version === latestVersion ? <span className="ml-2 text-xs text-emerald-700">latest</span> : null}
              {version.holdsSecret ? (
                <span className="ml-2">
                  <Badge tone="critical">holds a literal secret</Badge>
                </span>
              ) : null}
              {version.secretsPurgedAt ? <span className="ml-2 text-xs text-slate-500">secrets purged {formatDateTime(version.secretsPurgedAt)}</span> : null}
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
              {canWrite && version.version !== latestVersion ? <RollbackForm templateId={templateId} version={version.version} latestVersion={latestVersion} action={rollbackAction} /> : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
