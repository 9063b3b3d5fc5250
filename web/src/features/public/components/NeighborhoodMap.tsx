import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { boundsOf, outerRings, parseBoundary, project, shapeContains, shapePath, type Shape } from '../geo.js';
import type { PublicNeighborhood } from '../graphql/queries/publicNeighborhoods.query.js';

const WIDTH = 480;
/** How far one arrow key press moves the pin, in map pixels. */
const STEP = 6;

export interface Pin {
  lat: number;
  lng: number;
}

interface NeighborhoodMapProps {
  neighborhoods: readonly PublicNeighborhood[];
  selectedId: string;
  pin: Pin | null;
  /** A new pin, with the neighborhood it falls in (if any). */
  onPin: (pin: Pin, neighborhoodId: string | null) => void;
  describedBy?: string;
}

/**
 * Every neighborhood's boundary drawn from its own GeoJSON (no tiles: none are reachable from
 * many city networks). Clicking drops a pin; with the keyboard, Enter drops one at the centre of
 * the chosen neighborhood and the arrow keys move it.
 */
export function NeighborhoodMap({ neighborhoods, selectedId, pin, onPin, describedBy }: NeighborhoodMapProps) {
  const shapes = useMemo(
    () =>
      neighborhoods
        .map((n) => ({ neighborhood: n, shape: parseBoundary(n.boundary) }))
        .filter((s): s is { neighborhood: PublicNeighborhood; shape: Shape } => s.shape !== null),
    [neighborhoods],
  );
  const projection = useMemo(() => {
    const bounds = boundsOf(shapes.flatMap((s) => outerRings(s.shape)));
    return bounds ? project(bounds, WIDTH) : null;
  }, [shapes]);

  if (!projection) return <p className="field-hint">No map is available for these neighborhoods.</p>;

  const place = (lat: number, lng: number) => {
    const inside = shapes.find((s) => shapeContains(s.shape, lat, lng));
    onPin({ lat: round(lat), lng: round(lng) }, inside?.neighborhood.id ?? null);
  };

  const click = (e: MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) return;
    const x = ((e.clientX - rect.left) / rect.width) * projection.width;
    const y = ((e.clientY - rect.top) / rect.height) * projection.height;
    const { lat, lng } = projection.toLatLng(x, y);
    place(lat, lng);
  };

  const key = (e: KeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const centre = neighborhoods.find((n) => n.id === selectedId) ?? neighborhoods[0];
      if (centre) place(centre.centerLat, centre.centerLng);
      return;
    }
    const move = moves[e.key];
    if (!move || !pin) return;
    e.preventDefault();
    const at = projection.toPoint(pin.lat, pin.lng);
    const { lat, lng } = projection.toLatLng(at.x + move[0], at.y + move[1]);
    place(lat, lng);
  };

  const pinPoint = pin ? projection.toPoint(pin.lat, pin.lng) : null;
  return (
    <svg
      className="neighborhood-map"
      viewBox={`0 0 ${projection.width} ${projection.height}`}
      role="application"
      aria-roledescription="map"
      aria-label="Location map: click where the issue is to drop a pin, or press Enter to drop one and move it with the arrow keys."
      aria-describedby={describedBy}
      tabIndex={0}
      onClick={click}
      onKeyDown={key}
    >
      {shapes.map(({ neighborhood, shape }) => {
        const label = projection.toPoint(neighborhood.centerLat, neighborhood.centerLng);
        const selected = neighborhood.id === selectedId;
        return (
          <g key={neighborhood.id} className={`neighborhood-map__area${selected ? ' is-selected' : ''}`}>
            <path d={shapePath(shape, projection)} fillRule="evenodd" />
            <text x={label.x} y={label.y} textAnchor="middle" dominantBaseline="middle">
              {neighborhood.name}
            </text>
          </g>
        );
      })}
      {pinPoint && (
        <g className="neighborhood-map__pin" transform={`translate(${pinPoint.x} ${pinPoint.y})`}>
          <path d="M0,0 C-7,-10 -9,-14 -9,-19 A9,9 0 1 1 9,-19 C9,-14 7,-10 0,0 Z" />
          <circle cx={0} cy={-19} r={3.5} />
        </g>
      )}
    </svg>
  );
}

/** Six decimals (about 10 cm) is more than any report needs. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
