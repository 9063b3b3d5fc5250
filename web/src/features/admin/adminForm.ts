import { createContext, useCallback, useContext } from 'react';
import { toUserError, withLabel } from '../events/userError.js';

/** A failed admin request: a sentence for the whole form and messages by field. */
export interface FormProblem {
  message: string;
  /** By the form's own field names (`input.` dropped: `input.name` and `name` are one field). */
  fields: Record<string, string>;
}

/**
 * Reads the server's error: `extensions.field` names the field a message belongs next to. The
 * server words messages by the API's field names ("email must be an email address"); with
 * `labels` they read by the form's own ("Email must be an email address"), by the field and in
 * the summary.
 */
export function toFormProblem(error: unknown, labels: Record<string, string> = {}): FormProblem {
  const { message, fields } = toUserError(error);
  const own = Object.fromEntries(
    Object.entries(fields).map(([name, text]) => {
      const field = name.replace(/^input\./, '');
      return [field, withLabel(text, field, labels[field])];
    }),
  );
  const texts = Object.values(own);
  return { message: texts.length > 0 ? texts.join(' ') : message, fields: own };
}

/**
 * The props that tie a control to its label, hint and error: `id`, `aria-invalid`, and
 * `aria-describedby` naming the hint and the error when there are any.
 */
export { controlProps } from '../../shared/FormField.js';

/** The partnership's time zone (IANA); undefined until known, then the browser's own is used. */
export const TimeZoneContext = createContext<string | undefined>(undefined);

/** Formats dates in the partnership's time zone, as every date on the board is shown. */
export function useFormatDate(): (iso: string | null | undefined) => string {
  const timeZone = useContext(TimeZoneContext);
  return useCallback(
    (iso) => {
      if (!iso) return '';
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return iso;
      try {
        return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
      } catch {
        // An unknown zone name (a typo saved before validation existed) must not break the page.
        return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
      }
    },
    [timeZone],
  );
}
