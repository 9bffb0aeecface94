import type { PolicySettings } from '@/lib/policy/settings';
import type { Note } from './paths';

/** What every field section of the settings editor receives. */
export interface SectionProps {
  value: PolicySettings;
  onChange: (next: PolicySettings) => void;
  /** Notes within this section's top-level field. */
  notes: readonly Note[];
  disabled: boolean;
}
