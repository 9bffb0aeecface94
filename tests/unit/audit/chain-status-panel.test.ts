import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChainStatusPanel } from '@/components/audit/ChainStatusPanel';
import type { ChainStatus } from '@/lib/audit/verify';

const verifiedAt = new Date('2026-12-02T10:00:00Z');
const render = (status: ChainStatus) => renderToStaticMarkup(createElement(ChainStatusPanel, { status, rowHref: (seq: number) => `/audit-log?cursor=${seq + 1}#entry-${seq}` }));

describe('ChainStatusPanel', () => {
  it('says the chain is intact from the first to the last entry, verified just now', () => {
    const html = render({ state: 'intact', firstSeq: 1, lastSeq: 42, rows: 42, verifiedAt });
    expect(html).toContain('Chain intact from #1 to #42 (verified just now, 2026-12-02 10:00 UTC)');
    expect(html).toContain('data-state="intact"');
  });

  it('names the first broken row, what is wrong, and links to it in the log', () => {
    const html = render({
      state: 'broken',
      rows: 5,
      lastSeq: 5,
      breaks: [
        { orgId: 'o', seq: 3, id: '9', reason: 'content_changed', message: 'entry #3 (member.added) was modified after it was written' },
        { orgId: 'o', seq: 5, id: '11', reason: 'sequence_gap', message: 'expected entry #4 but found #5: entries were deleted' },
      ],
      firstBroken: { seq: 3, createdAt: '2026-12-01T09:30:00.000Z', action: 'member.added', actorLabel: 'ann@example.com' },
      verifiedAt,
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('The chain is broken at entry #3: entry #3 (member.added) was modified after it was written.');
    expect(html).toContain('Added a member by ann@example.com');
    expect(html).toContain('href="/audit-log?cursor=4#entry-3"');
    expect(html).toContain('Every broken link found (2)');
    expect(html).toContain('href="/audit-log?cursor=6#entry-5"');
  });

  it('says when nothing was recorded yet', () => {
    expect(render({ state: 'empty', verifiedAt })).toContain('The chain is empty');
  });
});
