import { badInput } from './errors.js';

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). In a title
 * they can make text read differently from what it says ("Trojan Source"); plain marks (U+200E,
 * U+200F) stay, since right-to-left writers need them.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/**
 * What shows nothing on screen: format characters (zero-width space and joiners, marks, the
 * BOM, …), every kind of space, and the blank-looking Hangul fillers and Braille blank.
 */
const INVISIBLE = /[\p{Cf}\p{Z}\s\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** `raw` without direction overrides, trimmed. */
export function cleanText(raw: string): string {
  return raw.replace(DIRECTION_CONTROLS, '').trim();
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How many characters of `text` a reader can see: graphemes ("👍🏽" is one), invisible ones left out. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text.replace(INVISIBLE, ''))) count++;
  return count;
}

/**
 * A title or name as stored: direction overrides removed, trimmed, with at least `min` visible
 * characters and at most `max` characters in all; otherwise BAD_USER_INPUT naming `field`.
 */
export function requireText(raw: string, field: string, min: number, max: number): string {
  const text = cleanText(raw);
  if (visibleLength(text) < min || [...text].length > max) {
    throw badInput(field, `${field} must be ${min} to ${max} characters, with at least ${min} visible`);
  }
  return text;
}
