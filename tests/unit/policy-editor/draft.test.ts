import { describe, expect, it } from 'vitest';
import { discardText, draftOf, draftProblem, draftText, editForm, editText, settleText, textInvalid } from '@/components/policies/editor/draft';

const initial = { mode: 'supervised' as const };

describe('the editor draft: Raw JSON text is the admin’s (issue 8, item 1)', () => {
  it('keeps a syntax error as typed, blocks saving with the reason, and keeps the last valid document', () => {
    const typed = '{"mode":"supervised"\n"trustedCommands":["npm test"]}';
    const draft = editText(draftOf(initial), typed);
    expect(draftText(draft)).toBe(typed);
    expect(textInvalid(draft)).toBe(true);
    expect(draft.settings).toEqual(initial);
    expect(draftProblem(draft)).toMatch(/^The Raw JSON has a syntax error \(Line 2, column 1: .+\)\. Fix it or discard your text before saving\.$/);
  });

  it.each([
    ['a schema error', '{"mode":"yolo"}', /1 problem \(mode: /],
    ['an unknown key', '{"mode":"supervised","colour":"red"}', /1 problem \(colour: Unknown field\.\)/],
  ])('blocks saving on %s', (_label, text, reason) => {
    const draft = editText(draftOf(initial), text);
    expect(draftProblem(draft)).toMatch(reason);
    expect(draft.settings).toEqual(initial);
  });

  it('never replaces invalid text: the form cannot edit, leaving the text area keeps it, switching views keeps it', () => {
    const typed = '{"mode":"supervised",';
    const draft = editText(draftOf(initial), typed);
    expect(editForm(draft, { mode: 'autopilot' })).toBe(draft);
    expect(draftText(settleText(draft))).toBe(typed);
  });

  it('follows valid text at once and then shows it formatted once settled', () => {
    const draft = editText(draftOf(initial), '{"mode":"supervised","trustedCommands":["npm test"]}');
    expect(draft.settings).toEqual({ mode: 'supervised', trustedCommands: ['npm test'] });
    expect(draftProblem(draft)).toBeNull();
    expect(draftText(settleText(draft))).toBe('{\n  "mode": "supervised",\n  "trustedCommands": [\n    "npm test"\n  ]\n}');
  });

  it('keeps the document object when only whitespace changed, and discards text on request', () => {
    const start = draftOf(initial);
    const spaced = editText(start, '{ "mode" : "supervised" }');
    expect(spaced.settings).toBe(start.settings);
    const invalid = editText(spaced, '{');
    expect(draftText(discardText(invalid))).toBe('{\n  "mode": "supervised"\n}');
    expect(textInvalid(discardText(invalid))).toBe(false);
  });

  it('form edits while the text is valid replace the text with the new document', () => {
    const draft = editForm(editText(draftOf(initial), '{"mode":"supervised"}'), { mode: 'autopilot' });
    expect(draftText(draft)).toBe('{\n  "mode": "autopilot"\n}');
  });
});
