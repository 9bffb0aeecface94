/**
 * Input styles for the editor's compact, monospace controls. Written out rather than appended to
 * components/ui `inputClasses`: two utilities for the same property (text-sm and text-xs, w-full
 * and w-2/5) would leave the winner to the stylesheet's order.
 */
const BASE =
  'block rounded-md border-0 bg-white text-slate-900 shadow-xs ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 aria-invalid:ring-red-400 read-only:bg-slate-50 read-only:text-slate-500 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500';

/** Same size as components/ui inputs, monospace: commands, names, URLs. */
export const codeInputClasses = `${BASE} w-full px-3 py-2 font-mono text-sm`;

/** Smaller monospace input for dense rows (environment variables, headers). */
export const smallCodeInputClasses = `${BASE} w-full px-2.5 py-1.5 font-mono text-xs`;

/** Multi-line monospace text (arguments, the JSON view). */
export const codeAreaClasses = `${BASE} w-full px-3 py-2 font-mono text-xs leading-5`;
