'use client';

import { useEffect, useRef, useState } from 'react';
import { CopyButton } from '@/components/ui/CopyButton';
import { FORMATS, FORMAT_IDS, type FormatId } from '@/lib/formats/catalog';

/**
 * Every download format with where its file goes, as browser links (session) and as a curl
 * command for automation (API token). `target` is a template (optionally a version) or a team
 * (optionally a project).
 */
export function DownloadMenu({
  target,
  origin,
}: {
  target: { kind: 'template'; id: string; version?: number } | { kind: 'team'; id: string; project?: string | null };
  origin: string;
}) {
  const [scriptFormat, setScriptFormat] = useState<FormatId>('kiro-permissions');
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // Formats below the list's visible part: "N more below" until it is scrolled to the end.
  const [hiddenBelow, setHiddenBelow] = useState(0);
  const measure = (list: HTMLUListElement | null) => {
    if (!list) return;
    const bottom = list.scrollTop + list.clientHeight;
    setHiddenBelow([...list.children].filter((item) => (item as HTMLElement).offsetTop + (item as HTMLElement).offsetHeight / 2 > bottom).length);
  };
  // Escape and a click outside close the menu, like any menu.
  useEffect(() => {
    if (!open) return;
    const close = () => menu.current?.removeAttribute('open');
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      menu.current?.querySelector('summary')?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !menu.current?.contains(event.target)) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  const query = (format: FormatId) => {
    const params = new URLSearchParams({ format });
    if (target.kind === 'template' && target.version) params.set('version', String(target.version));
    if (target.kind === 'team' && target.project) params.set('project', target.project);
    return params.toString();
  };
  const collection = target.kind === 'template' ? 'templates' : 'teams';
  const browserHref = (format: FormatId) => `/downloads/${collection}/${target.id}?${query(format)}`;
  const apiUrl = `${origin}/api/v1/${collection}/${target.id}/download?${query(scriptFormat)}`;
  const outFile = scriptFormat === 'bundle' ? 'policy-bundle.zip' : FORMATS[scriptFormat].fileName;
  const curl = `curl -fsS -H "Authorization: Bearer $PILOTLIGHT_TOKEN" \\\n  "${apiUrl}" \\\n  -o ${outFile}`;

  return (
    <details ref={menu} className="group relative" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
        Download
        <span aria-hidden="true" className="text-xs text-slate-500 group-open:rotate-180">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-[34rem] max-w-[90vw] rounded-lg bg-white p-2 shadow-lg ring-1 ring-slate-200" role="menu" aria-label="Download formats">
        <ul
          ref={open ? measure : undefined}
          onScroll={(event) => measure(event.currentTarget)}
          className="max-h-96 divide-y divide-slate-100 overflow-y-auto"
        >
          {FORMAT_IDS.map((format) => (
            <li key={format}>
              <a
                role="menuitem"
                href={browserHref(format)}
                download
                data-format={format}
                // Close the menu once a file is chosen (the download starts in the background).
                onClick={(event) => event.currentTarget.closest('details')?.removeAttribute('open')}
                className="block rounded-md px-3 py-2 hover:bg-slate-50"
              >
                <span className="block text-sm font-medium text-slate-900">{FORMATS[format].label}</span>
                <span className="block text-xs text-slate-500">{FORMATS[format].whereItGoes}</span>
                {format === 'bundle' ? null : (
                  <span className={`block text-xs ${FORMATS[format].readBy ? 'text-slate-600' : 'font-medium text-amber-800'}`} data-testid="read-by">
                    {FORMATS[format].readBy ? `Read by ${FORMATS[format].readBy}.` : 'No agent reads this file (kept for the seed document).'}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
        {hiddenBelow > 0 ? (
          <p className="pointer-events-none -mt-8 h-8 bg-gradient-to-t from-white to-white/0 pt-3 text-center text-xs font-medium text-slate-500" aria-hidden="true" data-testid="download-more">
            {hiddenBelow} more below ↓
          </p>
        ) : null}
        <div className="mt-2 border-t border-slate-100 px-3 pt-3 pb-1">
          <div className="flex items-center justify-between gap-2">
            <label className="text-xs font-medium text-slate-700" htmlFor={`script-format-${target.id}`}>
              From a script
            </label>
            <select
              id={`script-format-${target.id}`}
              value={scriptFormat}
              onChange={(event) => setScriptFormat(event.target.value as FormatId)}
              className="rounded-md border-0 py-1 pl-2 pr-7 text-xs ring-1 ring-inset ring-slate-300"
            >
              {FORMAT_IDS.map((format) => (
                <option key={format} value={format}>
                  {format}
                </option>
              ))}
            </select>
          </div>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-2 text-xs text-slate-100" data-testid="curl-command">
            {curl}
          </pre>
          <div className="mt-2 flex items-center justify-between gap-2">
            <p className="text-xs text-slate-500">Needs a token with templates:read (Settings → API tokens). ETag/If-None-Match supported.</p>
            <CopyButton text={curl.replaceAll('\\\n  ', '')} label="Copy command" />
          </div>
        </div>
      </div>
    </details>
  );
}
