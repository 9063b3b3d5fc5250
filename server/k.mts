import { lineIntersect } from '@turf/line-intersect';
const fc = { type: 'FeatureCollection' as const, features: [] };
const k = (ring: number[][]) => lineIntersect({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }, fc, { ignoreSelfIntersections: false }).features.map(f => f.geometry.coordinates);
console.log('square', k([[0,0],[1,0],[1,1],[0,1],[0,0]]));
console.log('dup', k([[0,0],[1,0],[1,0],[1,1],[0,1],[0,0]]));
console.log('hourglass', k([[0,0],[1,1],[1,0],[0,1],[0,0]]));
console.log('spike', k([[0,0],[2,0],[1,0],[1,1],[0,1],[0,0]]));
console.log('touch vertex', k([[0,0],[2,0],[2,2],[1,0],[0,2],[0,0]]));
console.log('vertical edges', k([[0,0],[1,0],[1,1],[1,2],[0,2],[0,1],[0,0]]));
for (const n of [20000, 100000]) {
  const ring = Array.from({ length: n }, (_, i) => [Math.cos(2*Math.PI*i/n), Math.sin(2*Math.PI*i/n)]);
  ring.push(ring[0]);
  let t = Date.now();
  console.log(n, 'circle', k(ring).length, Date.now() - t, 'ms');
  const zz = Array.from({ length: n }, (_, i) => [i / n, (i % 2) * 0.001]);
  zz.push([1, -1], [0, -1], zz[0]);
  t = Date.now();
  console.log(n, 'zigzag', k(zz).length, Date.now() - t, 'ms');
  // a comb: many vertical teeth -> many active segments
  const comb: number[][] = [];
  for (let i = 0; i < n / 4; i++) comb.push([i, 0], [i, 10], [i + 0.5, 10], [i + 0.5, 0]);
  comb.push([n/4, 0], [n/4, -1], [0, -1], comb[0]);
  t = Date.now();
  console.log(n, 'comb', k(comb).length, Date.now() - t, 'ms');
  // a spiral-ish: long horizontal bands (worst case for sweep: all segments active)
  const bands: number[][] = [];
  for (let i = 0; i < n / 4; i++) bands.push([0, 4*i], [100, 4*i+1], [100, 4*i+2], [0, 4*i+3]);
  bands.push([-1, n], [-1, 0], bands[0]);
  t = Date.now();
  console.log(n, 'bands', k(bands).length, Date.now() - t, 'ms');
}
