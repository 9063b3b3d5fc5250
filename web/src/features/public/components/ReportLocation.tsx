import { useId } from 'react';
import { FieldError } from '../../events/components/FieldError.js';
import type { PublicNeighborhood } from '../graphql/queries/publicNeighborhoods.query.js';
import { NeighborhoodMap, type Pin } from './NeighborhoodMap.js';

interface ReportLocationProps {
  neighborhoods: readonly PublicNeighborhood[];
  neighborhoodId: string;
  pin: Pin | null;
  address: string;
  onPin: (pin: Pin | null, neighborhoodId: string | null) => void;
  onAddress: (address: string) => void;
  /** Server messages by field (`location.lat`, `location.address` …). */
  errors: Record<string, string>;
}

/** The optional location: a pin on the neighborhoods map, and an address to go with it. */
export function ReportLocation({
  neighborhoods,
  neighborhoodId,
  pin,
  address,
  onPin,
  onAddress,
  errors,
}: ReportLocationProps) {
  const id = useId();
  const locationError = errors['location.lat'] ?? errors['location.lng'] ?? errors.location;
  const pinnedIn = pin ? neighborhoods.find((n) => n.id === neighborhoodId)?.name : undefined;
  return (
    <fieldset className="report-location">
      <legend>Where (optional)</legend>
      <p id={`${id}-hint`} className="field-hint">
        Click the map where the issue is. The public only ever sees the area, never your exact pin.
      </p>
      <NeighborhoodMap
        neighborhoods={neighborhoods}
        selectedId={neighborhoodId}
        pin={pin}
        onPin={onPin}
        describedBy={`${id}-hint`}
      />
      <div className="report-location__pin" aria-live="polite">
        {pin ? (
          <>
            <span>
              Pin at {pin.lat.toFixed(5)}, {pin.lng.toFixed(5)}
              {pinnedIn ? ` (${pinnedIn})` : ''}
            </span>{' '}
            <button type="button" className="button--secondary" onClick={() => onPin(null, null)}>
              Remove pin
            </button>
          </>
        ) : (
          <span>No pin dropped.</span>
        )}
      </div>
      <FieldError id={`${id}-location-error`} message={locationError} />
      <div className="field">
        <label htmlFor={`${id}-address`}>Address or nearest corner (optional)</label>
        <input
          id={`${id}-address`}
          autoComplete="off"
          disabled={!pin}
          value={address}
          onChange={(e) => onAddress(e.target.value)}
          aria-describedby={`${id}-address-hint`}
          aria-invalid={Boolean(errors['location.address']) || undefined}
        />
        <p id={`${id}-address-hint`} className="field-hint">
          {pin ? 'Helps the people who go there find it.' : 'Drop a pin on the map first; the address goes with it.'}
        </p>
        <FieldError id={`${id}-address-error`} message={errors['location.address']} />
      </div>
    </fieldset>
  );
}
