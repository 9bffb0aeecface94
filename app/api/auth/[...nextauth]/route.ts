import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { AUTH_BODY_LIMIT_BYTES, genericAuthErrors } from '@/lib/auth/auth-route';
import { authOptions } from '@/lib/auth/options';
import { readBodyBytes } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/route';

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

export async function GET(request: NextRequest, context: Context): Promise<Response> {
  return genericAuthErrors(await handler(request, context));
}

/**
 * This endpoint is public: its body is read with a small cap (sign-in forms are a few hundred
 * bytes) before next-auth parses it, so a 100 MB POST costs nothing but a 413.
 */
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  let body: Buffer;
  try {
    body = await readBodyBytes(request, AUTH_BODY_LIMIT_BYTES);
  } catch (error) {
    return errorResponse(error);
  }
  const limited = new NextRequest(request.url, { method: 'POST', headers: request.headers, body: new Uint8Array(body) });
  return genericAuthErrors(await handler(limited, context));
}
