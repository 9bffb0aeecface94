import 'server-only';
import { headers } from 'next/headers';

/** The origin the browser used, for showing copy-able URLs (honours a reverse proxy's headers). */
export async function requestOrigin(): Promise<string> {
  const list = await headers();
  const host = list.get('x-forwarded-host') ?? list.get('host') ?? 'localhost:3000';
  const protocol = list.get('x-forwarded-proto') ?? (process.env.NEXTAUTH_URL?.startsWith('https://') ? 'https' : 'http');
  return `${protocol}://${host}`;
}
