import { describe, expect, it } from 'vitest';
import { cleanText, requireText, visibleLength } from './text.js';

describe('cleanText', () => {
  it('drops direction overrides and isolates but keeps right-to-left marks and the words', () => {
    expect(cleanText('  Invoice \u202Efdp.exe\u202C ')).toBe('Invoice fdp.exe');
    expect(cleanText('\u2067שלום\u2069')).toBe('שלום');
    expect(cleanText('abc\u200Fdef')).toBe('abc\u200Fdef');
  });
});

describe('visibleLength', () => {
  it('counts what a reader sees', () => {
    expect(visibleLength('\u200B\u200C\u200D\uFEFF\u2060')).toBe(0);
    expect(visibleLength(' \u00A0\u3000\u3164\u2800 ')).toBe(0);
    expect(visibleLength('Bache en la calle')).toBe(14);
    expect(visibleLength('🚦👍🏽')).toBe(2);
  });
});

describe('requireText', () => {
  it('refuses a title made only of invisible or direction characters, naming the field', () => {
    expect(() => requireText('\u200B\u200B\u200B\u202E', 'title', 3, 200)).toThrow(/title must be 3 to 200/);
    expect(() => requireText('ab\u200B', 'title', 3, 200)).toThrow(/at least 3 visible/);
  });

  it('returns the cleaned text', () => {
    expect(requireText(' Streetlight \u202Eout ', 'title', 3, 200)).toBe('Streetlight out');
    expect(() => requireText('x'.repeat(201), 'title', 3, 200)).toThrow();
  });
});
