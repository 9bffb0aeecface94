'use client';

import { useId } from 'react';
import { Badge } from '@/components/ui/Badge';
import { MessageText } from '@/components/ui/MessageText';
import { NoteBadge } from './Notes';
import { countBySeverity, FIELD_HEADINGS, fieldId, groupBySeverity, normalizePath, SEVERITIES, topLevelField, type EditorFinding } from './paths';

const GROUP_TITLES = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' } as const;
const HIGHLIGHT_MS = 1600;

/**
 * Brings the editor section of `path` into view, moves focus there (so keyboard users continue
 * from it) and flashes it. The section may only now be rendering (the parent may switch from the
 * JSON view in `onSelect`), hence the frame's wait.
 */
function reveal(path: string) {
  requestAnimationFrame(() => {
    const section = document.getElementById(fieldId(path));
    if (!section) return;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    section.focus({ preventScroll: true });
    section.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
    // An animation rather than a class: nothing to clean up if the section unmounts meanwhile.
    section.animate(
      [{ boxShadow: '0 0 0 3px rgb(249 115 22 / 0.7)' }, { boxShadow: '0 0 0 3px rgb(249 115 22 / 0)' }],
      { duration: HIGHLIGHT_MS, easing: 'ease-in' },
    );
    section.dataset.highlighted = 'true';
    setTimeout(() => delete section.dataset.highlighted, HIGHLIGHT_MS);
  });
}

/** Every finding of the document, most severe first; each one leads to its field in the editor. */
export function FindingsList({ findings, onSelect }: { findings: readonly EditorFinding[]; onSelect?: (path: string) => void }) {
  const id = useId();
  if (findings.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-emerald-700" data-testid="findings-empty">
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
          <path
            fillRule="evenodd"
            d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z"
            clipRule="evenodd"
          />
        </svg>
        No findings
      </p>
    );
  }

  const counts = countBySeverity(findings);
  function select(path: string) {
    const normalized = normalizePath(path);
    onSelect?.(normalized);
    reveal(normalized);
  }

  return (
    <div className="space-y-3" data-testid="findings-list">
      <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
        <span className="font-medium text-slate-800">
          {findings.length} finding{findings.length === 1 ? '' : 's'}:
        </span>
        {SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => (
          <span key={severity} data-testid={`count-${severity}`}>
            <NoteBadge tone={severity} /> <span className="sr-only">{severity}: </span>
            {counts[severity]}
          </span>
        ))}
      </p>
      {groupBySeverity(findings).map(([severity, group]) => (
        <section key={severity} aria-labelledby={`${id}-${severity}`}>
          <h3 id={`${id}-${severity}`} className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            {GROUP_TITLES[severity]} <Badge>{group.length}</Badge>
          </h3>
          <ul className="space-y-1">
            {group.map((finding) => {
              const field = topLevelField(finding.path);
              return (
                <li key={`${finding.rule}:${finding.path}:${finding.message}`} data-testid="finding" data-rule={finding.rule} data-severity={finding.severity}>
                  <button
                    type="button"
                    onClick={() => select(finding.path)}
                    className="block w-full rounded-md px-2 py-1.5 text-left text-sm wrap-anywhere hover:bg-slate-100"
                  >
                    <span className="block text-slate-800">
                      <MessageText text={finding.message} />
                    </span>
                    <span className="mt-0.5 block text-xs text-slate-500">
                      {FIELD_HEADINGS[field] ?? field} · <code>{normalizePath(finding.path)}</code>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
