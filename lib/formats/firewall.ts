import type { CompleteSettings } from '@/lib/policy/settings';
import type { ExportContext } from './catalog';
import { cleanList, show, Warnings, type ImportOutput, type Sourced } from './reader';
import { DOMAIN, linesFile, textLines } from './text-lines';

/** `firewall-allowlist.txt`: one domain per line (each once), nothing else, for firewall and proxy tooling. */
export function exportFirewall(settings: CompleteSettings, _context: ExportContext): string {
  return linesFile([...new Set(settings.network.allowedDomains)]);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The line without a `#` comment. */
const entryOf = (line: string) => line.replace(/(^|\s)#.*$/, '').trim();

/** Every entry is a domain (used to tell this file from a .gitignore). */
export function looksLikeDomainList(text: string): boolean {
  const entries = textLines(text).map(entryOf).filter(Boolean);
  return entries.length > 0 && entries.every((entry) => DOMAIN.test(entry.toLowerCase()));
}

export function importFirewall(text: string): ImportOutput {
  const w = new Warnings();
  const entries: Sourced[] = [];
  textLines(text).forEach((line, index) => {
    let entry = entryOf(line);
    const path = `line ${index + 1}`;
    if (!entry) return;
    // A URL or host:port is common in allowlists; the policy holds the host name.
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? parseUrl(entry) : null;
    if (url?.hostname) {
      w.add(path, `${show(entry)} is a URL; imported its host name ${url.hostname}.`);
      entry = url.hostname;
    } else if (/^[^:/\s]+:\d+$/.test(entry)) {
      w.add(path, `${show(entry)} names a port; the policy holds domains only, so the port was dropped.`);
      entry = entry.replace(/:\d+$/, '');
    }
    entries.push({ value: entry, path });
  });
  const domains = cleanList('allowedDomains', entries, w);
  return { settings: { network: { allowedDomains: [...new Set(domains)] } }, warnings: w.list };
}
