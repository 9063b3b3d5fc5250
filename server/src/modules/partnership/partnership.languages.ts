/**
 * The languages the board and the public page are offered in, by BCP 47 code. One list: the
 * partnership settings, setup and the board's translations all read it; a new language is added
 * here and in the board's translations.
 */
export const SUPPORTED_LANGUAGES = ['en', 'es'] as const;

export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export const isSupportedLanguage = (value: string): value is Language =>
  (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
