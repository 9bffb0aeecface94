import { describe, expect, it } from 'vitest';
import { formToObject } from '@/lib/http/form';

describe('formToObject', () => {
  it('leaves out the rendered-for organization (checked by requireUserFor, never domain input) and React’s fields', () => {
    const data = new FormData();
    data.append('renderedForOrg', '00000000-0000-4000-8000-000000000000');
    data.append('$ACTION_ID_abc', '');
    data.append('email', 'a@example.com');
    data.append('name', '');
    expect(formToObject(data)).toEqual({ email: 'a@example.com' });
  });
});
