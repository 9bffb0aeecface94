export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#1e293b" />
      <path d="M16 5c1 4.5 6.5 7.5 6.5 13.2A6.5 6.5 0 0 1 16 25a6.5 6.5 0 0 1-6.5-6.8c0-3 1.7-4.6 3-6 .2 2 1 3.2 2.2 3.8C14.2 11.5 15 8 16 5z" fill="#f97316" />
      <path d="M16 17c.6 1.8 3 2.8 3 5a3 3 0 0 1-6 0c0-1.6 1.6-2.8 3-5z" fill="#fed7aa" />
    </svg>
  );
}
