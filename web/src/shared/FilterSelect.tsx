export interface FilterOption {
  value: string;
  label: string;
}

interface FilterSelectProps {
  id: string;
  label: string;
  /** '' selects the "all" option. */
  value: string;
  /** The first option, meaning "no filter" (e.g. "All neighborhoods"). */
  allLabel: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
  className: string;
}

/** A labelled filter dropdown with an "all" option first. */
export function FilterSelect({
  id,
  label,
  value,
  allLabel,
  options,
  onChange,
  disabled,
  className,
}: FilterSelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
