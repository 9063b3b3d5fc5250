import { useMemo } from 'react';
import { FormField } from '../../../shared/FormField.js';
import { describeTimeZone, isValidTimeZone, supportedTimeZones, zonedFormat } from '../../../shared/timeZone.js';

interface TimeZoneFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * The partnership's time zone: type to search the zones the browser knows ("Chicago" finds
 * America/Chicago); the hint names the zone chosen and the time there now, to confirm the choice.
 */
export function TimeZoneField({ id, value, onChange, error }: TimeZoneFieldProps) {
  // Over 400 options: built once, so typing in the form does not re-render them all.
  const options = useMemo(
    () => (
      <datalist id={`${id}-zones`}>
        {supportedTimeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    ),
    [id],
  );
  const zone = value.trim();
  const valid = isValidTimeZone(zone);
  const hint = valid
    ? `${describeTimeZone(zone)}: it is ${zonedFormat(zone, { hour: 'numeric', minute: '2-digit' }).format(new Date())} there now. Every date on the board is shown in this zone.`
    : 'Type a city or region to search, e.g. Chicago or America/Chicago.';
  return (
    <>
      <FormField
        id={id}
        label="Time zone"
        list={`${id}-zones`}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={onChange}
        error={error}
        hint={hint}
        required
      />
      {options}
    </>
  );
}
