import { describe, expect, it } from 'vitest';
import { MALFORMED_PATH_BODY, malformedPath } from '../../../scripts/lib/request-guards.mjs';

describe('malformedPath (serve.mjs answers these with 400 before Next.js)', () => {
  it.each(['/api/v1/templates/%ff', '/api/v1/templates/%E0%A4%A', '/%', '/teams/%zz?x=1'])('flags %j', (url) => expect(malformedPath(url)).toBe(true));
  it.each(['/api/v1/templates/abc', '/teams/%C3%A9', '/?q=%ff', '/'])('lets %j through', (url) => expect(malformedPath(url)).toBe(false));
  it('answers in the API error shape', () => {
    expect(JSON.parse(MALFORMED_PATH_BODY)).toMatchObject({ error: { code: 'bad_request' } });
  });
});
