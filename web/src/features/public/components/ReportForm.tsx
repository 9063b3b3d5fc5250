import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { ReportIssueMutation } from '../../../graphql/generated/graphql.js';
import { humanizeEnum } from '../../../shared/humanize.js';
import { summarizeFields, toUserError, withLabel } from '../../events/userError.js';
import { FieldError } from '../../events/components/FieldError.js';
import { REPORT_ISSUE_MUTATION } from '../graphql/mutations/reportIssue.mutation.js';
import type { PublicNeighborhood } from '../graphql/queries/publicNeighborhoods.query.js';
import {
  EMPTY_REPORT,
  ISSUE_CATEGORIES,
  REPORT_FIELD_LABELS,
  checkReport,
  toReportInput,
  type ReportFormValues,
} from '../reportForm.js';
import { ReportLocation } from './ReportLocation.js';
import { useIdempotencyKey } from '../../../shared/idempotencyKey.js';

export type ReportedIssue = ReportIssueMutation['reportIssue'];

interface ReportFormProps {
  neighborhoods: readonly PublicNeighborhood[];
  onReported: (issue: ReportedIssue) => void;
}

/** A resident reports an issue, with or without a contact, or anonymously. */
export function ReportForm({ neighborhoods, onReported }: ReportFormProps) {
  const id = useId();
  const [values, setValues] = useState<ReportFormValues>(EMPTY_REPORT);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [report, { loading }] = useMutation(REPORT_ISSUE_MUTATION);
  // Kept across retries of the same report, so a lost answer never files it twice.
  const idempotency = useIdempotencyKey();
  const set = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    // The field changed: its old message no longer applies, nor the summary once none is left.
    const remaining = Object.keys(fields).filter((name) => name !== key);
    if (remaining.length < Object.keys(fields).length) {
      setFields(Object.fromEntries(Object.entries(fields).filter(([name]) => name !== key)));
      if (remaining.length === 0) setError(null);
    }
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    const problems = checkReport(values);
    setFields(problems);
    if (Object.keys(problems).length > 0) {
      setError('Some details are missing: see the highlighted fields.');
      return;
    }
    try {
      const input = toReportInput(values);
      const { data } = await report({ variables: { input: { ...input, idempotencyKey: idempotency.keyFor(input) } } });
      if (data) {
        idempotency.done();
        onReported(data.reportIssue);
      }
    } catch (caught) {
      const problem = toUserError(caught);
      const named = Object.fromEntries(
        Object.entries(problem.fields).map(([k, v]) => {
          const field = k.replace(/^input\./, '');
          return [field, withLabel(v, field, REPORT_FIELD_LABELS[field])];
        }),
      );
      setFields(named);
      setError(Object.keys(named).length > 0 ? summarizeFields(named, {}) : problem.message);
    }
  };

  const setAnonymous = (anonymous: boolean) =>
    setValues((current) => ({ ...current, anonymous, contact: anonymous ? '' : current.contact }));

  /** Props tying an input to its error message. */
  const described = (name: string, hint?: string) => {
    const ids = [hint, fields[name] ? `${id}-${name}-error` : undefined].filter(Boolean).join(' ');
    return {
      id: `${id}-${name}`,
      'aria-invalid': Boolean(fields[name]) || undefined,
      'aria-describedby': ids || undefined,
    };
  };
  const errorOf = (name: string) => <FieldError id={`${id}-${name}-error`} message={fields[name]} />;

  return (
    <form className="report-form" onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
      {error && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
      <fieldset>
        <legend>The issue</legend>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input {...described('title')} value={values.title} onChange={(e) => set('title', e.target.value)} />
          {errorOf('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description (optional)</label>
          <textarea
            {...described('description')}
            rows={4}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
          {errorOf('description')}
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-category`}>Category</label>
            <select
              {...described('category')}
              value={values.category}
              onChange={(e) => set('category', e.target.value as ReportFormValues['category'])}
            >
              <option value="">Choose a category</option>
              {ISSUE_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {humanizeEnum(category)}
                </option>
              ))}
            </select>
            {errorOf('category')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-neighborhoodId`}>Neighborhood</label>
            <select
              {...described('neighborhoodId')}
              value={values.neighborhoodId}
              onChange={(e) => set('neighborhoodId', e.target.value)}
            >
              <option value="">Choose a neighborhood</option>
              {neighborhoods.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
            {errorOf('neighborhoodId')}
          </div>
        </div>
      </fieldset>
      <ReportLocation
        neighborhoods={neighborhoods}
        neighborhoodId={values.neighborhoodId}
        pin={values.pin}
        address={values.address}
        onPin={(pin, neighborhoodId) =>
          setValues((current) => ({ ...current, pin, neighborhoodId: neighborhoodId ?? current.neighborhoodId }))
        }
        onAddress={(address) => set('address', address)}
        errors={fields}
      />
      <fieldset>
        <legend>About you</legend>
        <div className="field field--check">
          <input
            id={`${id}-anonymous`}
            type="checkbox"
            checked={values.anonymous}
            onChange={(e) => setAnonymous(e.target.checked)}
            aria-describedby={`${id}-anonymous-hint`}
          />
          <label htmlFor={`${id}-anonymous`}>Report anonymously</label>
        </div>
        <p id={`${id}-anonymous-hint`} className="field-hint">
          {values.anonymous
            ? 'Nothing identifying is stored with this report: no name, no contact, no account. Nobody can follow up with you, but you can follow the issue on the public page.'
            : 'Check this to store nothing that could identify you.'}
        </p>
        <div className="field">
          <label htmlFor={`${id}-contact`}>Contact (optional)</label>
          <input
            {...described('contact', `${id}-contact-hint`)}
            autoComplete="email"
            disabled={values.anonymous}
            value={values.contact}
            onChange={(e) => set('contact', e.target.value)}
          />
          <p id={`${id}-contact-hint`} className="field-hint">
            {values.anonymous
              ? 'Not available for an anonymous report.'
              : 'An email or phone number. Only the organizations working on the issue see it.'}
          </p>
          {errorOf('contact')}
        </div>
      </fieldset>
      <button type="submit" className="report-form__submit" disabled={loading}>
        {loading ? 'Sending…' : 'Report issue'}
      </button>
    </form>
  );
}
