import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { humanizeEnum } from '../../../shared/humanize.js';
import { EVENT_FIELD_LABELS, EVENT_KINDS, checkEventForm, type EventFormValues } from '../eventForm.js';
import { withLabel } from '../userError.js';
import { CoHostPicker } from './CoHostPicker.js';
import { FieldError } from './FieldError.js';

interface Option {
  id: string;
  name: string;
}

interface EventFormProps {
  initial: EventFormValues;
  neighborhoods: readonly Option[];
  organizations: readonly Option[];
  /** Coordinators may host as any organization when creating. */
  canChooseHost: boolean;
  /** Set when the viewer may not change the co-hosts (a co-host editing), saying why. */
  coHostsLockedReason?: string;
  /** Organizations invited to co-host that have not answered yet (editing). */
  pendingCoHostIds?: readonly string[];
  submitLabel: string;
  busy: boolean;
  /** The server's message for the whole form (shown as an alert) and per field. */
  error: ReactNode;
  fields: Record<string, string>;
  onSubmit: (values: EventFormValues) => void;
  onCancel: () => void;
}

/** Creating or editing an event. Field errors from the server appear next to their field. */
export function EventForm(props: EventFormProps) {
  const { initial, neighborhoods, organizations, busy, onCancel } = props;
  const id = useId();
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  // Fields edited since the last submit: their old messages no longer apply.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const fields = Object.fromEntries(
    Object.entries({ ...normalize(props.fields), ...local })
      .filter(([name]) => !edited.has(name))
      .map(([name, message]) => [name, withLabel(message, name, EVENT_FIELD_LABELS[name])]),
  );
  // The summary goes too once every field it was about has been edited.
  const serverFields = Object.keys(normalize(props.fields));
  const error = serverFields.length > 0 && serverFields.every((name) => edited.has(name)) ? null : props.error;
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setEdited((current) => new Set(current).add(key));
  };

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const problems = checkEventForm(values);
    setLocal(problems);
    setEdited(new Set());
    if (Object.keys(problems).length === 0) props.onSubmit(values);
  };

  /** Props linking an input to its label's error message. */
  const described = (name: string) => ({
    id: `${id}-${name}`,
    'aria-invalid': Boolean(fields[name]) || undefined,
    'aria-describedby': fields[name] ? `${id}-${name}-error` : undefined,
  });
  const errorOf = (name: string) => <FieldError id={`${id}-${name}-error`} message={fields[name]} />;

  return (
    <form className="event-form" onSubmit={submit} noValidate aria-describedby={error ? `${id}-error` : undefined}>
      <fieldset>
        <legend>What</legend>
        <div className="field">
          <label htmlFor={`${id}-title`}>Title</label>
          <input {...described('title')} value={values.title} onChange={(e) => set('title', e.target.value)} />
          {errorOf('title')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select
            {...described('kind')}
            value={values.kind}
            onChange={(e) => set('kind', e.target.value as EventFormValues['kind'])}
          >
            {EVENT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {humanizeEnum(kind)}
              </option>
            ))}
          </select>
          {errorOf('kind')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description (optional)</label>
          <textarea
            {...described('description')}
            rows={3}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
          {errorOf('description')}
        </div>
      </fieldset>
      <fieldset>
        <legend>When</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-startsAt`}>Starts</label>
            <input
              {...described('startsAt')}
              type="datetime-local"
              value={values.startsAt}
              onChange={(e) => set('startsAt', e.target.value)}
            />
            {errorOf('startsAt')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-endsAt`}>Ends</label>
            <input
              {...described('endsAt')}
              type="datetime-local"
              value={values.endsAt}
              onChange={(e) => set('endsAt', e.target.value)}
            />
            {errorOf('endsAt')}
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>Where</legend>
        <div className="field">
          <label htmlFor={`${id}-locationName`}>Place</label>
          <input
            {...described('locationName')}
            placeholder="e.g. Eastside Library, room 2"
            value={values.locationName}
            onChange={(e) => set('locationName', e.target.value)}
          />
          {errorOf('locationName')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-neighborhoodId`}>Neighborhood</label>
          <select
            {...described('neighborhoodId')}
            value={values.neighborhoodId}
            onChange={(e) => set('neighborhoodId', e.target.value)}
          >
            <option value="">Not in one neighborhood</option>
            {neighborhoods.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
          {errorOf('neighborhoodId')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Who</legend>
        {props.canChooseHost && (
          <div className="field">
            <label htmlFor={`${id}-hostOrganizationId`}>Host organization</label>
            <select
              {...described('hostOrganizationId')}
              value={values.hostOrganizationId}
              onChange={(e) => set('hostOrganizationId', e.target.value)}
            >
              {organizations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
            {errorOf('hostOrganizationId')}
          </div>
        )}
        <CoHostPicker
          organizations={organizations}
          hostOrganizationId={values.hostOrganizationId}
          selected={values.coHostOrganizationIds}
          onChange={(ids) => set('coHostOrganizationIds', ids)}
          pending={props.pendingCoHostIds}
          lockedReason={props.coHostsLockedReason}
          error={fields.coHostOrganizationIds}
        />
      </fieldset>
      <fieldset>
        <legend>Who may come</legend>
        <div className="field field--narrow">
          <label htmlFor={`${id}-capacity`}>Capacity</label>
          <input
            {...described('capacity')}
            aria-describedby={[`${id}-capacity-hint`, fields.capacity && `${id}-capacity-error`]
              .filter(Boolean)
              .join(' ')}
            type="number"
            min={1}
            inputMode="numeric"
            value={values.capacity}
            onChange={(e) => set('capacity', e.target.value)}
          />
          <p id={`${id}-capacity-hint`} className="field-hint">
            Leave empty for no limit.
          </p>
          {errorOf('capacity')}
        </div>
        <fieldset className="radio-group">
          <legend>Visibility</legend>
          <label>
            <input
              type="radio"
              name={`${id}-public`}
              checked={values.isPublic}
              onChange={() => set('isPublic', true)}
            />{' '}
            Public: residents see it and can RSVP
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-public`}
              checked={!values.isPublic}
              onChange={() => set('isPublic', false)}
            />{' '}
            Members only
          </label>
        </fieldset>
      </fieldset>
      {error && (
        <div id={`${id}-error`} className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="event-form__buttons">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : props.submitLabel}
        </button>
        <button type="button" className="button--secondary" onClick={onCancel}>
          Back to events
        </button>
      </div>
    </form>
  );
}

/** `input.title` and `title` both name the title field. */
function normalize(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^input\./, ''), v]));
}
