interface CoHostPickerProps {
  organizations: readonly { id: string; name: string }[];
  /** The host is never its own co-host: it is left out of the choices. */
  hostOrganizationId: string;
  selected: readonly string[];
  /** Organizations invited that have not answered yet. */
  pending?: readonly string[];
  onChange: (ids: string[]) => void;
  /** Why the list cannot be changed (only the host organization and officers may), if it cannot. */
  lockedReason?: string;
  error?: string;
}

/**
 * The organizations asked to co-host the event, as a group of checkboxes. Ticking one invites
 * it: it co-hosts once one of its members accepts.
 */
export function CoHostPicker({
  organizations,
  hostOrganizationId,
  selected,
  pending = [],
  onChange,
  lockedReason,
  error,
}: CoHostPickerProps) {
  const choices = organizations.filter((org) => org.id !== hostOrganizationId);
  const toggle = (id: string, checked: boolean) =>
    onChange(checked ? [...selected, id] : selected.filter((other) => other !== id));
  return (
    <fieldset className="co-hosts" disabled={Boolean(lockedReason)} aria-invalid={Boolean(error) || undefined}>
      <legend>Co-host organizations</legend>
      {lockedReason ? (
        <p className="field-hint">{lockedReason}</p>
      ) : (
        <p className="field-hint">
          Each organization you tick is invited: it shows as a co-host, and may edit the event, once one of its members
          accepts.
        </p>
      )}
      <ul className="co-hosts__list">
        {choices.map((org) => (
          <li key={org.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(org.id)}
                onChange={(e) => toggle(org.id, e.target.checked)}
              />{' '}
              {org.name}
              {pending.includes(org.id) && <span className="co-hosts__pending"> (invited, waiting for an answer)</span>}
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
