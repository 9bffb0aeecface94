'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { saveTemplateVersionAction } from '@/app/(console)/policies/actions';
import { FindingsList } from '@/components/policies/editor/FindingsList';
import { RawJsonEditor } from '@/components/policies/editor/RawJsonEditor';
import { SettingsEditor } from '@/components/policies/editor/SettingsEditor';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field, TextInput } from '@/components/ui/Field';
import type { ValidationIssue } from '@/lib/errors';
import type { ActionResult } from '@/lib/http/action';
import { zodIssues } from '@/lib/http/json';
import { lintSettings } from '@/lib/policy/lint';
import { completeSettings } from '@/lib/policy/merge';
import { policySettingsSchema, type PolicySettings } from '@/lib/policy/settings';

type Environment = 'development' | 'production';

/**
 * Edits a template and saves it as a new version. Lint runs in the browser on every change
 * (the same pure rules the server applies); the server validates again on save and answers 409
 * when someone saved a newer version since this edit started.
 */
export function TemplateEditor({
  templateId,
  baseVersion,
  initialSettings,
  initialEnvironment,
}: {
  templateId: string;
  baseVersion: number;
  initialSettings: PolicySettings;
  initialEnvironment: Environment;
}) {
  const router = useRouter();
  const [settings, setSettings] = useState<PolicySettings>(initialSettings);
  const [environment, setEnvironment] = useState<Environment>(initialEnvironment);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [note, setNote] = useState('');
  const [acknowledgeTrustAll, setAcknowledgeTrustAll] = useState(false);
  const [result, setResult] = useState<ActionResult<{ version: number }>>(null);
  const [pending, startTransition] = useTransition();

  const clientIssues: ValidationIssue[] = useMemo(() => {
    const parsed = policySettingsSchema.safeParse(settings);
    return parsed.success ? [] : zodIssues(parsed.error);
  }, [settings]);
  const findings = useMemo(() => (clientIssues.length ? [] : lintSettings(completeSettings(settings), { environment })), [settings, environment, clientIssues]);
  const trustsAll = findings.some((finding) => finding.rule === 'trust-all');
  const serverIssues = result && !result.ok ? (result.issues ?? []) : [];
  const conflict = result && !result.ok && result.code === 'conflict' ? (result.details as { currentVersion?: number } | undefined)?.currentVersion : undefined;
  const changed = JSON.stringify(settings) !== JSON.stringify(initialSettings);

  function save() {
    startTransition(async () => {
      const outcome = await saveTemplateVersionAction(templateId, {
        settings,
        note,
        baseVersion,
        ...(trustsAll && acknowledgeTrustAll ? { acknowledgeRisks: ['trust-all'] } : {}),
      });
      setResult(outcome);
      if (outcome?.ok) router.push(`/policies/${templateId}`);
    });
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        <div className="flex items-center gap-1 rounded-lg bg-slate-100 p-1 text-sm" role="tablist" aria-label="Editor view">
          {(['form', 'json'] as const).map((option) => (
            <button
              key={option}
              type="button"
              role="tab"
              aria-selected={view === option}
              onClick={() => setView(option)}
              className={`flex-1 rounded-md px-3 py-1.5 font-medium ${view === option ? 'bg-white text-slate-900 shadow-xs' : 'text-slate-600'}`}
            >
              {option === 'form' ? 'Form' : 'Raw JSON'}
            </button>
          ))}
        </div>
        {view === 'form' ? (
          <SettingsEditor value={settings} onChange={setSettings} findings={findings} issues={[...clientIssues, ...serverIssues]} disabled={pending} />
        ) : (
          <RawJsonEditor value={settings} onChange={setSettings} disabled={pending} />
        )}
      </div>
      <aside className="space-y-4 lg:sticky lg:top-6 lg:self-start">
        <div className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
          <div className="mb-3 flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold text-slate-900">Risk findings</h2>
            <label className="text-xs text-slate-600">
              <span className="sr-only">Lint as</span>
              <select
                aria-label="Lint as"
                value={environment}
                onChange={(event) => setEnvironment(event.target.value as Environment)}
                className="rounded-md border-0 py-1 pl-2 pr-7 text-xs ring-1 ring-inset ring-slate-300"
              >
                <option value="development">development team</option>
                <option value="production">production team</option>
              </select>
            </label>
          </div>
          <FindingsList findings={findings} onSelect={() => setView('form')} />
        </div>
        <div className="space-y-3 rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
          <Field label="Note for this version" name="note" hint={`Saved as version ${baseVersion + 1}.`}>
            <TextInput name="note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} placeholder="What changed and why" />
          </Field>
          {trustsAll ? (
            <label className="flex items-start gap-2 rounded-md bg-red-50 p-2 text-xs text-red-900 ring-1 ring-red-200">
              <input type="checkbox" checked={acknowledgeTrustAll} onChange={(event) => setAcknowledgeTrustAll(event.target.checked)} className="mt-0.5" />
              I understand that <code>*</code> lets the agent run any command without asking.
            </label>
          ) : null}
          {clientIssues.length ? <Alert tone="error">Fix the {clientIssues.length === 1 ? 'problem' : `${clientIssues.length} problems`} marked in the form before saving.</Alert> : null}
          {result && !result.ok && conflict === undefined ? <Alert tone="error">{result.error}</Alert> : null}
          {conflict !== undefined ? (
            <Alert tone="warning">
              <p>{result && !result.ok ? result.error : ''}</p>
              <p className="mt-1 flex flex-wrap gap-3">
                <Link className="font-medium underline" href={`/policies/${templateId}/diff?from=${baseVersion}&to=${conflict}`} target="_blank">
                  See what changed in version {conflict}
                </Link>
                <Link className="font-medium underline" href={`/policies/${templateId}/edit`} onClick={() => router.refresh()}>
                  Edit version {conflict} instead
                </Link>
              </p>
            </Alert>
          ) : null}
          <div className="flex gap-2">
            <Button onClick={save} disabled={pending || clientIssues.length > 0 || (trustsAll && !acknowledgeTrustAll) || !changed}>
              {pending ? 'Saving…' : 'Save new version'}
            </Button>
            <Link href={`/policies/${templateId}`} className="inline-flex items-center px-2 text-sm text-slate-600 hover:text-slate-900">
              Cancel
            </Link>
          </div>
        </div>
      </aside>
    </div>
  );
}
