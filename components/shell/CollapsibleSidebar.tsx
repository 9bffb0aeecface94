'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';

/**
 * The sidebar: a fixed column from the `md` breakpoint up; on a phone a top bar with a Menu
 * button that opens it over the page (closed again by navigating, Escape or the backdrop).
 */
export function CollapsibleSidebar({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const [shownFor, setShownFor] = useState(pathname);
  // Navigating closes the menu (adjusted while rendering rather than in an effect).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <div className="sticky top-0 z-30 flex items-center justify-between bg-slate-900 px-4 py-3 md:hidden" data-testid="mobile-bar">
        {brand}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="app-sidebar"
          onClick={() => setOpen(!open)}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-200 ring-1 ring-slate-700 hover:bg-slate-800"
        >
          {open ? 'Close' : 'Menu'}
        </button>
      </div>
      {open ? <div className="fixed inset-0 z-30 bg-slate-900/40 md:hidden" aria-hidden="true" onClick={() => setOpen(false)} /> : null}
      <aside
        id="app-sidebar"
        className={`${open ? 'fixed inset-y-0 left-0 z-40 flex' : 'hidden'} h-screen w-64 shrink-0 flex-col overflow-y-auto bg-slate-900 px-3 py-4 md:sticky md:top-0 md:z-auto md:flex md:w-60`}
      >
        <div className="mb-6 hidden md:block">{brand}</div>
        {children}
      </aside>
    </>
  );
}
