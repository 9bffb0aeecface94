import type PDFDocument from 'pdfkit';

/**
 * Drawing helpers over PDFKit for the report: WinAnsi-safe text (the standard Helvetica has no
 * ⊕ or →), tables that repeat their header row on every page they continue on, and bar charts
 * drawn as vector rectangles. No I/O.
 */
type Doc = InstanceType<typeof PDFDocument>;

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '⊕': '+', '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '✓': 'v', '×': 'x' };

/** Text the standard fonts can draw: Latin-1 and WinAnsi's extras kept, a few symbols spelled out, the rest as '?'. */
export function pdfText(value: unknown): string {
  let out = '';
  for (const ch of String(value ?? '')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\t') out += ' ';
    else if ((code >= 32 && code < 127) || (code >= 160 && code < 256) || WIN_ANSI_EXTRA.has(ch) || ch === '\n') out += ch;
    else out += REPLACEMENTS[ch] ?? '?';
  }
  return out;
}

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string, size: number): void {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.4).font(FONT.bold).fontSize(size).fillColor('#0f172a').text(pdfText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) }).moveDown(0.2);
  doc.font(FONT.regular).fontSize(9);
}

export function paragraph(doc: Doc, text: string, options: { color?: string; size?: number; bold?: boolean } = {}): void {
  doc.font(options.bold ? FONT.bold : FONT.regular).fontSize(options.size ?? 9).fillColor(options.color ?? '#0f172a');
  ensureSpace(doc, doc.currentLineHeight() * 2);
  doc.text(pdfText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) }).moveDown(0.3);
  doc.font(FONT.regular).fontSize(9).fillColor('#0f172a');
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** A table: `widths` are fractions of the content width; the header row is drawn again after every page break. */
export function table(doc: Doc, headers: readonly string[], rows: readonly (readonly unknown[])[], widths: readonly number[], empty = 'None.'): void {
  if (!rows.length) {
    paragraph(doc, empty, { color: '#475569' });
    return;
  }
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  const cols = widths.map((w) => w * total);
  const pad = 3;
  const size = 7.5;
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]! - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: readonly string[], header: boolean, h: number) => {
    const font = header ? FONT.bold : FONT.regular;
    let x = left;
    const y = doc.y;
    if (header) doc.rect(left, y, total, h).fill('#f1f5f9');
    doc.lineWidth(0.5).strokeColor('#cbd5e1');
    cells.forEach((c, i) => {
      doc.rect(x, y, cols[i]!, h).stroke();
      doc.font(font).fontSize(size).fillColor('#0f172a').text(c, x + pad, y + pad, { width: cols[i]! - 2 * pad });
      x += cols[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  const head = headers.map(pdfText);
  const headHeight = rowHeight(head, FONT.bold);
  ensureSpace(doc, headHeight * 2.2);
  draw(head, true, headHeight);
  for (const row of rows) {
    const cells = row.map(pdfText);
    const h = rowHeight(cells, FONT.regular);
    // A row taller than a page is cut by PDFKit's own flow; every other row stays whole.
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      draw(head, true, headHeight);
    }
    draw(cells, false, h);
  }
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(9);
}

/** Vertical bars (one per bucket) as vector rectangles, scaled to the highest. */
export function columnBars(doc: Doc, values: readonly { x: string; y: number }[], label: string): void {
  const max = Math.max(0, ...values.map((v) => v.y));
  if (!max || !values.length) return;
  const h = 50;
  ensureSpace(doc, h + 20);
  const left = doc.page.margins.left;
  const w = contentWidth(doc);
  const bw = w / values.length;
  const top = doc.y;
  values.forEach((v, i) => {
    const bh = (v.y / max) * h;
    if (bh > 0) doc.rect(left + i * bw, top + h - bh, Math.max(bw - 0.8, 0.4), bh).fill('#0072b2');
  });
  doc.lineWidth(0.5).strokeColor('#475569').moveTo(left, top + h).lineTo(left + w, top + h).stroke();
  doc.font(FONT.regular).fontSize(6.5).fillColor('#475569');
  doc.text(pdfText(values[0]!.x), left, top + h + 2, { width: w / 2, lineBreak: false });
  doc.text(pdfText(`${values[values.length - 1]!.x} · ${label}, peak ${max}`), left + w / 2, top + h + 2, { width: w / 2, align: 'right', lineBreak: false });
  doc.x = left;
  doc.y = top + h + 14;
  doc.font(FONT.regular).fontSize(9).fillColor('#0f172a');
}
