import { useId } from 'react';
import { boundaryShape, projectToBox, shapeToPath } from '../map.js';

interface IssueMapProps {
  neighborhood: { name: string; boundary?: string | null; centerLat: number; centerLng: number };
  location: { lat: number; lng: number; precise: boolean; address?: string | null };
}

const WIDTH = 320;
const HEIGHT = 200;
/** About 100 m in degrees of latitude: the radius public locations are coarsened to. */
const APPROXIMATE_DEGREES = 0.0009;

/**
 * A small map drawn from the project's own data (no tile server is reachable from many city
 * networks): the neighborhood's boundary and the issue's pin, or a circle when it is approximate.
 */
export function IssueMap({ neighborhood, location }: IssueMapProps) {
  const titleId = useId();
  const shape = boundaryShape(neighborhood.boundary);
  // Outer rings frame the map; holes lie inside them.
  const points: [number, number][] = [...(shape ?? []).flatMap((polygon) => polygon[0]), [location.lng, location.lat]];
  if (!location.precise) {
    points.push([location.lng, location.lat + APPROXIMATE_DEGREES], [location.lng, location.lat - APPROXIMATE_DEGREES]);
  }
  const project = projectToBox(points, WIDTH, HEIGHT, 16);
  const outline = shape ? shapeToPath(shape, project) : '';
  const [x, y] = project([location.lng, location.lat]);
  const radius = Math.abs(project([location.lng, location.lat + APPROXIMATE_DEGREES])[1] - y);
  const atCentre =
    !location.precise && location.lat === neighborhood.centerLat && location.lng === neighborhood.centerLng;
  const where = location.precise
    ? 'the reported location'
    : atCentre
      ? 'no reported location (shown at its centre)'
      : 'the approximate location (about 100 m)';
  const caption =
    location.address ??
    (location.precise
      ? `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}`
      : atCentre
        ? 'No location was given; shown at the neighborhood centre'
        : 'Approximate location (about 100 m)');

  return (
    <figure className="issue-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        className="issue-map__svg"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={titleId}>{`Map of ${neighborhood.name} with ${where}`}</title>
        {outline && <path className="issue-map__area" d={outline} fillRule="evenodd" />}
        {location.precise ? (
          <g className="issue-map__pin" transform={`translate(${x.toFixed(1)} ${y.toFixed(1)})`}>
            <path d="M0 0 C-3 -6 -9 -10 -9 -16 A9 9 0 1 1 9 -16 C9 -10 3 -6 0 0 Z" />
            <circle cx="0" cy="-16" r="3.5" className="issue-map__pin-dot" />
          </g>
        ) : (
          <circle className="issue-map__approx" cx={x} cy={y} r={Math.max(radius, 8)} />
        )}
      </svg>
      <figcaption className="issue-map__caption">
        {neighborhood.name}
        {' · '}
        {caption}
      </figcaption>
    </figure>
  );
}
