import { useId, useMemo } from 'react';
import { boundsOf, outerRings, parseBoundary, project, shapePath } from '../../public/geo.js';
import type { AdminNeighborhood } from '../graphql/fragments/adminNeighborhood.fragment.js';

const WIDTH = 640;

/**
 * Every neighborhood's shape, drawn from its own GeoJSON (no tile server). Retired ones are grey
 * with a dashed outline and "(retired)" after the name; the legend says so in words and lines,
 * not colour alone.
 */
export function NeighborhoodShapesMap({ neighborhoods }: { neighborhoods: readonly AdminNeighborhood[] }) {
  const titleId = useId();
  const { drawn, missing, projection } = useMemo(() => {
    const shapes = neighborhoods.map((n) => ({ neighborhood: n, shape: parseBoundary(n.boundary) }));
    const drawn = shapes.flatMap((s) => (s.shape ? [{ neighborhood: s.neighborhood, shape: s.shape }] : []));
    const bounds = boundsOf(drawn.flatMap((d) => outerRings(d.shape)));
    return {
      drawn,
      missing: shapes.filter((s) => !s.shape).map((s) => s.neighborhood.name),
      projection: bounds ? project(bounds, WIDTH) : null,
    };
  }, [neighborhoods]);

  if (!projection) return <p className="field-hint">No neighborhood has a shape yet: import a GeoJSON file below.</p>;

  const retired = drawn.filter((d) => d.neighborhood.retired).length;
  // Active shapes on top, so a retired shape never hides a live one.
  const ordered = [...drawn].sort((a, b) => Number(b.neighborhood.retired) - Number(a.neighborhood.retired));
  return (
    <figure className="admin-map">
      <svg
        className="admin-map__svg"
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>
          {`Map of ${drawn.length} neighborhood${drawn.length === 1 ? '' : 's'}${retired ? `, ${retired} retired` : ''}: ${drawn
            .map((d) => d.neighborhood.name + (d.neighborhood.retired ? ' (retired)' : ''))
            .join(', ')}`}
        </title>
        {ordered.map(({ neighborhood, shape }) => (
          <path
            key={neighborhood.id}
            className={`admin-map__area${neighborhood.retired ? ' is-retired' : ''}`}
            d={shapePath(shape, projection)}
            fillRule="evenodd"
          />
        ))}
        {ordered.map(({ neighborhood }) => {
          const at = projection.toPoint(neighborhood.centerLat, neighborhood.centerLng);
          return (
            <text
              key={neighborhood.id}
              className={`admin-map__label${neighborhood.retired ? ' is-retired' : ''}`}
              x={at.x}
              y={at.y}
              textAnchor="middle"
              dominantBaseline="middle"
            >
              {neighborhood.name}
              {neighborhood.retired ? ' (retired)' : ''}
            </text>
          );
        })}
      </svg>
      <figcaption>
        <ul className="admin-map__legend" aria-label="Legend">
          <li>
            <svg width="28" height="14" aria-hidden="true">
              <rect className="admin-map__area" x="1" y="1" width="26" height="12" />
            </svg>
            Active: solid outline
          </li>
          <li>
            <svg width="28" height="14" aria-hidden="true">
              <rect className="admin-map__area is-retired" x="1" y="1" width="26" height="12" />
            </svg>
            Retired: grey, dashed outline, “(retired)” after the name
          </li>
        </ul>
        {missing.length > 0 && <p className="field-hint">Without a shape (not drawn): {missing.join(', ')}.</p>}
      </figcaption>
    </figure>
  );
}
