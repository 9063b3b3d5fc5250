import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { NeighborhoodMap } from './NeighborhoodMap.js';

afterEach(cleanup);

const ring = (lng: number, lat: number, size: number) => [
  [lng, lat],
  [lng + size, lat],
  [lng + size, lat + size],
  [lng, lat + size],
  [lng, lat],
];

// Lakeview surrounds a park (its hole); Harbor is two islands, its centre on the second one.
const LAKEVIEW = {
  __typename: 'Neighborhood' as const,
  id: 'TmVpZ2hib3Job29kOjE',
  name: 'Lakeview',
  centerLat: 41.81,
  centerLng: -87.69,
  boundary: JSON.stringify({ type: 'Polygon', coordinates: [ring(-87.7, 41.8, 0.02), ring(-87.695, 41.805, 0.01)] }),
};
const HARBOR = {
  __typename: 'Neighborhood' as const,
  id: 'TmVpZ2hib3Job29kOjI',
  name: 'Harbor',
  centerLat: 41.805,
  centerLng: -87.625,
  boundary: JSON.stringify({
    type: 'MultiPolygon',
    coordinates: [[ring(-87.67, 41.8, 0.01)], [ring(-87.63, 41.8, 0.01)]],
  }),
};

describe('NeighborhoodMap', () => {
  it('draws a MultiPolygon and a hole as evenodd paths', () => {
    render(<NeighborhoodMap neighborhoods={[LAKEVIEW, HARBOR]} selectedId="" pin={null} onPin={() => undefined} />);
    const paths = [...screen.getByRole('application').querySelectorAll('.neighborhood-map__area path')];
    expect(paths.map((p) => p.getAttribute('fill-rule'))).toEqual(['evenodd', 'evenodd']);
    expect(paths.map((p) => p.getAttribute('d')?.match(/M/g)?.length)).toEqual([2, 2]);
  });

  it('places a pin on a MultiPolygon’s second island in that neighborhood, and one in a hole in none', async () => {
    const onPin = vi.fn();
    const { rerender } = render(
      <NeighborhoodMap neighborhoods={[LAKEVIEW, HARBOR]} selectedId={HARBOR.id} pin={null} onPin={onPin} />,
    );
    screen.getByRole('application').focus();
    await userEvent.keyboard('{Enter}');
    expect(onPin).toHaveBeenLastCalledWith({ lat: 41.805, lng: -87.625 }, HARBOR.id);

    // Lakeview's centre lies in its park: not in Lakeview.
    rerender(<NeighborhoodMap neighborhoods={[LAKEVIEW, HARBOR]} selectedId={LAKEVIEW.id} pin={null} onPin={onPin} />);
    await userEvent.keyboard('{Enter}');
    expect(onPin).toHaveBeenLastCalledWith({ lat: 41.81, lng: -87.69 }, null);
  });
});
