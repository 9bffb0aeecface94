'use client';

import { MessageText } from '@/components/ui/MessageText';
import { ACKNOWLEDGEMENTS, type AcknowledgeableRule } from '@/lib/policy/gate';

/**
 * One checkbox per risk that blocks a save until accepted (`*`, a literal secret): the same
 * rules the server's gate asks for (lib/policy/gate.ts).
 */
export function Acknowledgements({
  required,
  acknowledged,
  onChange,
  disabled = false,
}: {
  required: readonly AcknowledgeableRule[];
  acknowledged: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  disabled?: boolean;
}) {
  if (required.length === 0) return null;
  return (
    <div className="space-y-2">
      {required.map((rule) => (
        <label key={rule} className="flex items-start gap-2 rounded-md bg-red-50 p-2 text-xs text-red-900 ring-1 ring-red-200">
          <input
            type="checkbox"
            name="acknowledgeRisks"
            value={rule}
            checked={acknowledged.has(rule)}
            disabled={disabled}
            onChange={(event) => {
              const next = new Set(acknowledged);
              if (event.target.checked) next.add(rule);
              else next.delete(rule);
              onChange(next);
            }}
            className="mt-0.5"
          />
          <span>
            <MessageText text={ACKNOWLEDGEMENTS[rule].label} />
          </span>
        </label>
      ))}
    </div>
  );
}
