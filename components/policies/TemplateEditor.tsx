'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { Acknowledgements } from '@/components/policies/editor/Acknowledgements';
import { draftOf, draftProblem, textInvalid, type Draft } from '@/components/policies/editor/draft';
import { FindingsList } from '@/components/policies/editor/FindingsList';
import { LayerEditor } from '@/components/policies/editor/LayerEditor';
import { useUnsavedChanges } from '@/components/policies/editor/useUnsavedChanges';
import { useRenderedForOrg } from '@/components/shell/RenderedForOrg';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field, TextInput } from '@/components/ui/Field';
import type { ValidationIssue } from '@/lib/errors';
import type { ActionResult } from '@/lib/http/action';
import { zodIssues } from '@/lib/http/json';
import { evaluateSettingsWrite } from '@/lib/policy/gate';
import { rebaseEdit, resolveRebase, type Rebase } from '@/lib/policy/rebase';
import { policySettingsSchema, type PolicySettings } from '@/lib/policy/settings';

type Environment = 'development' | 'production';

export type SaveTemplateVersion = (
  /** The organization this page was rendered for: the server refuses if it is not the caller's now. */
  renderedForOrg: string,
  templateId: string,
  input: { settings: PolicySettings; note: string; baseVersion: number; acknowledgeRisks?: string[] },
) => Promise<ActionResult<{ version: number }>>;

interface Base {
  version: number;
  settings: PolicySettings;
}

/** A stale save (409): the newer version, and the admin's edit re-applied on it. */
interface Conflict {
  current: Base;
  rebase: Rebase;
  takeTheirs: Set<string>;
}

const show = (value: unknown) => (value === undefined ? 'inherited (not set)' : JSON.stringify(value));

/**
 * Edits a template and saves it as a new version. Lint runs in the browser on every change
 * (the same pure rules the server applies); the server validates again on save and answers 409
 * when someone saved a newer version since this edit started — the edit can then be re-applied
 * on that version, field by field.
 */
export function TemplateEditor({
  templateId,
  baseVersion: initialVersion,
  initialSettings,
  initialEnvironment,
  saveAction,
}: {
  templateId: string;
  baseVersion: number;
  initialSettings: PolicySettings;
  initialEnvironment: Environment;
  saveAction: SaveTemplateVersion;
}) {
  const router = useRouter();
  const renderedForOrg = useRenderedForOrg();
  const [base, setBase] = useState<Base>({ version: initialVersion, settings: initialSettings });
  const [draft, setDraft] = useState<Draft>(() => draftOf(initialSettings));
  const [view, setView] = useState<'form' | 'json'>('form');
  const [environment, setEnvironment] = useState<Environment>(initialEnvironment);
  const [note, setNote] = useState('');
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<ActionResult<{ version: number }>>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const { settings } = draft;

  const clientIssues: ValidationIssue[] = useMemo(() => {
    const parsed = policySettingsSchema.safeParse(settings);
    return parsed.success ? [] : zodIssues(parsed.error);
  }, [settings]);
  const evaluation = useMemo(() => (clientIssues.length ? null : evaluateSettingsWrite(settings, { environment, acknowledged: [...acknowledged] })), [settings, environment, clientIssues, acknowledged]);
  const findings = evaluation?.findings ?? [];
  const serverIssues = result && !result.ok ? (result.issues ?? []) : [];
  const changed = JSON.stringify(settings) !== JSON.stringify(base.settings) || textInvalid(draft);
  useUnsavedChanges(!saved && (changed || note.trim() !== ''));

  const blocker = draftProblem(draft)
    ?? (clientIssues.length ? `Fix the ${clientIssues.length === 1 ? 'problem' : `${clientIssues.length} problems`} marked in the form before saving.` : null)
    ?? (evaluation?.missing.length ? 'Acknowledge the risks above, or remove them, before saving.' : null)
    ?? (conflict ? 'Re-apply your edit on the newer version (or discard it) before saving.' : null)
    ?? (!changed ? 'No changes to save yet.' : null);

  function save() {
    if (blocker) return;
    startTransition(async () => {
      const outcome = await saveAction(renderedForOrg, templateId, {
        settings,
        note,
        baseVersion: base.version,
        ...(evaluation?.acknowledged.length ? { acknowledgeRisks: [...evaluation.acknowledged] } : {}),
      });
      setResult(outcome);
      if (outcome?.ok) {
        setSaved(true);
        router.push(`/policies/${templateId}`);
        return;
      }
      const details = outcome && !outcome.ok && outcome.code === 'conflict' ? (outcome.details as { current?: { version?: { version: number }; settings?: PolicySettings } } | undefined) : undefined;
      const current = details?.current;
      if (current?.version && current.settings) {
        const newer = { version: current.version.version, settings: current.settings };
        setConflict({ current: newer, rebase: rebaseEdit(base.settings, settings, newer.settings), takeTheirs: new Set() });
      }
    });
  }

  function reapply() {
    if (!conflict) return;
    const merged = resolveRebase(conflict.rebase, conflict.takeTheirs, conflict.current.settings);
    setBase(conflict.current);
    setDraft(draftOf(merged));
    setConflict(null);
    setResult(null);
  }

  function takeTheirsOnly() {
    if (!conflict) return;
    setBase(conflict.current);
    setDraft(draftOf(conflict.current.settings));
    setConflict(null);
    setResult(null);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <LayerEditor draft={draft} onDraft={setDraft} findings={findings} issues={[...clientIssues, ...serverIssues]} disabled={pending} view={view} onView={setView} />
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
          <Field label="Note for this version" name="note" hint={`Saved as version ${base.version + 1}.`}>
            <TextInput name="note" value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} placeholder="What changed and why" />
          </Field>
          <Acknowledgements required={evaluation?.required ?? []} acknowledged={acknowledged} onChange={setAcknowledged} disabled={pending} />
          {result && !result.ok && !conflict ? <Alert tone="error">{result.error}</Alert> : null}
          {conflict ? (
            <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="save-conflict">
              <p>{result && !result.ok ? result.error : ''}</p>
              <Link className="font-medium underline" href={`/policies/${templateId}/diff?from=${base.version}&to=${conflict.current.version}`} target="_blank">
                See what changed in version {conflict.current.version}
              </Link>
              {conflict.rebase.conflicts.length === 0 ? (
                <p>Your edit does not touch what changed: it can be re-applied on version {conflict.current.version} as it is.</p>
              ) : (
                <fieldset className="space-y-2">
                  <legend className="font-medium">Both of you changed {conflict.rebase.conflicts.length === 1 ? 'this field' : 'these fields'}; choose per field:</legend>
                  {conflict.rebase.conflicts.map((item) => (
                    <div key={item.path} className="rounded bg-white/70 p-2 text-xs ring-1 ring-amber-200" data-testid={`conflict-${item.path}`}>
                      <p className="font-medium">{item.label}</p>
                      {(['mine', 'theirs'] as const).map((side) => (
                        <label key={side} className="mt-1 flex items-start gap-2">
                          <input
                            type="radio"
                            name={`conflict-${item.path}`}
                            checked={conflict.takeTheirs.has(item.path) === (side === 'theirs')}
                            onChange={() => {
                              const next = new Set(conflict.takeTheirs);
                              if (side === 'theirs') next.add(item.path);
                              else next.delete(item.path);
                              setConflict({ ...conflict, takeTheirs: next });
                            }}
                          />
                          <span>
                            {side === 'mine' ? 'Mine: ' : `Version ${conflict.current.version}: `}
                            <code className="break-all">{show(side === 'mine' ? item.mine : item.theirs)}</code>
                          </span>
                        </label>
                      ))}
                    </div>
                  ))}
                </fieldset>
              )}
              <div className="flex flex-wrap gap-2">
                <Button size="sm" onClick={reapply}>
                  Re-apply my edit on version {conflict.current.version}
                </Button>
                <Button size="sm" variant="secondary" onClick={takeTheirsOnly}>
                  Discard my edit, edit version {conflict.current.version}
                </Button>
              </div>
            </div>
          ) : null}
          <div className="flex gap-2">
            <Button onClick={save} disabled={pending || blocker !== null} aria-describedby="save-blocker">
              {pending ? 'Saving…' : 'Save new version'}
            </Button>
            <Link href={`/policies/${templateId}`} className="inline-flex items-center px-2 text-sm text-slate-600 hover:text-slate-900">
              Cancel
            </Link>
          </div>
          {blocker && changed ? (
            <p id="save-blocker" className="text-xs text-slate-600" data-testid="save-blocker">
              {blocker}
            </p>
          ) : null}
        </div>
      </aside>
    </div>
  );
}
