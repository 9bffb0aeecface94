import { EmptyState } from './EmptyState';

export function Forbidden({ what }: { what: string }) {
  return (
    <EmptyState title="Not available for your role">
      Your role does not include {what}. Ask an owner of your organization if you need it.
    </EmptyState>
  );
}
