'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      // next-auth would send the browser to NEXTAUTH_URL's host (localhost) even when the console
      // was opened as 127.0.0.1; a relative navigation stays on the host in the address bar.
      onClick={async () => {
        await signOut({ redirect: false });
        router.replace('/login');
        router.refresh();
      }}
      className="w-full rounded-md px-3 py-1.5 text-left text-sm text-slate-300 hover:bg-slate-800 hover:text-white"
    >
      Sign out
    </button>
  );
}
