/** The small × that removes one row of a list or key/value editor. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      data-remove
      aria-label={label}
      onClick={onClick}
      className="shrink-0 rounded px-1.5 text-base leading-6 text-slate-400 hover:bg-slate-100 hover:text-red-700"
    >
      <span aria-hidden="true">×</span>
    </button>
  );
}
