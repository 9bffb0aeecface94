'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import type { PolicySettings } from '@/lib/policy/settings';
import { discardText, editForm, editText, settleText, textInvalid, type Draft } from './draft';
import type { EditorFinding, EditorIssue } from './paths';
import { RawJsonEditor } from './RawJsonEditor';
import { SettingsEditor } from './SettingsEditor';

/**
 * A settings layer (a template, a project's overrides) as a form or as raw JSON, over one draft:
 * switching views never replaces the admin's text (see ./draft.ts). While the text is invalid the
 * form is read-only, so the two views cannot drift apart.
 */
export function LayerEditor({
  draft,
  onDraft,
  findings,
  issues,
  disabled = false,
  view: controlledView,
  onView,
}: {
  draft: Draft;
  onDraft: (next: Draft) => void;
  findings: readonly EditorFinding[];
  issues?: readonly EditorIssue[];
  disabled?: boolean;
  view?: 'form' | 'json';
  onView?: (view: 'form' | 'json') => void;
}) {
  const [ownView, setOwnView] = useState<'form' | 'json'>('form');
  const view = controlledView ?? ownView;
  const setView = onView ?? setOwnView;
  const invalid = textInvalid(draft);
  return (
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
            {option === 'json' && invalid ? <span className="ml-1 text-red-700">(has errors)</span> : null}
          </button>
        ))}
      </div>
      {view === 'form' ? (
        <>
          {invalid ? (
            <Alert tone="warning">
              <p>Your Raw JSON text has errors, so the form shows the last valid settings and is read-only until the text is fixed or discarded.</p>
              <p className="mt-2 flex gap-2">
                <Button variant="secondary" size="sm" onClick={() => setView('json')}>
                  Back to Raw JSON
                </Button>
                <Button variant="secondary" size="sm" onClick={() => onDraft(discardText(draft))} disabled={disabled}>
                  Discard my text
                </Button>
              </p>
            </Alert>
          ) : null}
          <SettingsEditor
            value={draft.settings}
            onChange={(next: PolicySettings) => onDraft(editForm(draft, next))}
            findings={findings}
            issues={issues}
            disabled={disabled || invalid}
          />
        </>
      ) : (
        <RawJsonEditor
          draft={draft}
          onText={(text) => onDraft(editText(draft, text))}
          onSettle={() => onDraft(settleText(draft))}
          onDiscard={() => onDraft(discardText(draft))}
          disabled={disabled}
        />
      )}
    </div>
  );
}
