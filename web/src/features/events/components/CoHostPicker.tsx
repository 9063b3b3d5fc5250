interface CoHostPickerProps {
  organizations: readonly { id: string; name: string }[];
  /** The host is never its own co-host: it is left out of the choices. */
  hostOrganizationId: string;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  /** Why the list cannot be changed (only the host organization and officers may), if it cannot. */
  lockedReason?: string;
  error?: string;
}

/** The partner organizations co-hosting the event, as a group of checkboxes. */
export function CoHostPicker({
  organizations,
  hostOrganizationId,
  selected,
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
      {lockedReason && <p className="field-hint">{lockedReason}</p>}
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
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
