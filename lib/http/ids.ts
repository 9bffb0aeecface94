import { NotFoundError } from '@/lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL that is not even a UUID names nothing: 404, like any unknown id. */
export function assertId(id: string, what: string): string {
  if (!UUID.test(id)) throw new NotFoundError(what);
  return id.toLowerCase();
}
