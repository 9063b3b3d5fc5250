import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { IssueMap } from './IssueMap.js';

afterEach(cleanup);

const ring = (lng: number, lat: number, size: number) => [
  [lng, lat],
  [lng + size, lat],
  [lng + size, lat + size],
  [lng, lat + size],
  [lng, lat],
];

describe('IssueMap', () => {
  it('draws every polygon and hole of a MultiPolygon neighborhood as one evenodd path', () => {
    const boundary = JSON.stringify({
      type: 'MultiPolygon',
      coordinates: [[ring(-87.7, 41.8, 0.02), ring(-87.695, 41.805, 0.005)], [ring(-87.6, 41.8, 0.01)]],
    });
    render(
      <IssueMap
        neighborhood={{ name: 'Riverbend', boundary, centerLat: 41.81, centerLng: -87.69 }}
        location={{ lat: 41.81, lng: -87.69, precise: true }}
      />,
    );
    const map = screen.getByRole('img', { name: 'Map of Riverbend with the reported location' });
    const area = map.querySelector('.issue-map__area');
    expect(area?.getAttribute('fill-rule')).toBe('evenodd');
    expect(area?.getAttribute('d')?.match(/M/g)).toHaveLength(3);
  });

  it('shows the pin alone when the boundary cannot be read', () => {
    render(
      <IssueMap
        neighborhood={{ name: 'Nowhere', boundary: '{"type":"Point","coordinates":[0,0]}', centerLat: 0, centerLng: 0 }}
        location={{ lat: 0, lng: 0, precise: true }}
      />,
    );
    expect(screen.getByRole('img').querySelector('.issue-map__area')).toBeNull();
    expect(screen.getByRole('img').querySelector('.issue-map__pin')).not.toBeNull();
  });
});
