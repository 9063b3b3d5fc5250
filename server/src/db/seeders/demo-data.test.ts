import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { checkGeometry } from '../../modules/neighborhoods/neighborhood.geometry.js';
import { ISSUES, NEIGHBORHOODS } from './demo-data.js';
import { pointIn } from './demo.seeder.js';

const shapes = NEIGHBORHOODS.map((n) => ({ name: n.name, shape: checkGeometry(n.geometry) }));
const inside = (lat: number, lng: number) =>
  shapes
    .filter(({ shape }) => booleanPointInPolygon([lng, lat], shape.geometry, { ignoreBoundary: true }))
    .map((s) => s.name);

describe('the demo city', () => {
  it('has four valid, irregular neighborhoods: one with a hole, one with an island', () => {
    expect(shapes.map((s) => s.name)).toEqual(['Eastside', 'Old Town', 'Northgate', 'Riverfront']);
    const eastside = shapes[0].shape.geometry;
    expect(eastside.type === 'Polygon' && eastside.coordinates.length).toBe(2);
    const riverfront = shapes[3].shape.geometry;
    expect(riverfront.type === 'MultiPolygon' && riverfront.coordinates.length).toBe(2);
    for (const { shape } of shapes) {
      expect(shape.geometry.type === 'Polygon' ? shape.geometry.coordinates[0].length : 0).not.toBe(5);
      expect(inside(shape.center.lat, shape.center.lng)).toEqual([shapes.find((s) => s.shape === shape)!.name]);
    }
  });

  it('tiles without overlaps or gaps: every point of the map is in at most one, the mainland in exactly one', () => {
    const box = { minLat: 45.482, maxLat: 45.566, minLng: -122.7, maxLng: -122.615 };
    const covered = new Map<string, number>();
    for (let i = 0; i <= 120; i++) {
      for (let j = 0; j <= 120; j++) {
        const lat = box.minLat + ((box.maxLat - box.minLat) * i) / 120 + 1e-7;
        const lng = box.minLng + ((box.maxLng - box.minLng) * j) / 120 + 1e-7;
        const names = inside(lat, lng);
        expect(names.length, `${lat}, ${lng} is in ${names.join(' and ')}`).toBeLessThanOrEqual(1);
        if (names.length) covered.set(names[0], (covered.get(names[0]) ?? 0) + 1);
        // Between the borders drawn by hand, away from the park, the island and the outer edges.
        const park = lat > 45.518 && lat < 45.526 && lng > -122.633 && lng < -122.623;
        if (lat > 45.5 && lat < 45.556 && lng > -122.69 && lng < -122.625 && !park) {
          expect(names.length, `${lat}, ${lng} is in no neighborhood`).toBe(1);
        }
      }
    }
    expect([...covered.keys()].sort()).toEqual(['Eastside', 'Northgate', 'Old Town', 'Riverfront']);
  });

  it('puts every demo issue inside its own neighborhood and no other', () => {
    ISSUES.forEach((spec, index) => {
      const shape = shapes.find((s) => s.name === spec.neighborhood)!.shape;
      const point = pointIn(shape, index + 1);
      expect(inside(point.lat, point.lng)).toEqual([spec.neighborhood]);
    });
    expect(inside(45.522, -122.628)).toEqual([]); // in the park
    expect(inside(45.485, -122.666)).toEqual(['Riverfront']); // on the island
  });
});
