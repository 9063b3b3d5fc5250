/** How many features are looked at for their property names: enough for any real file's schema. */
const SAMPLE = 20;

/** A file's text, read in the browser with FileReader (UTF-8, as GeoJSON is). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

/** What a chosen file offers for the "name property" select, or why it cannot be imported at all. */
export type FileSummary = { features: number; properties: string[] } | { error: string };

/**
 * The property names found in the first features of a FeatureCollection, most common first, so
 * the coordinator can say which one holds the neighborhood's name. The server validates
 * everything else (rings, ranges, duplicates) and names each bad feature.
 */
export function summarizeFeatureCollection(text: string): FileSummary {
  let geo: unknown;
  try {
    geo = JSON.parse(text);
  } catch {
    return { error: 'This file is not JSON. Choose a GeoJSON file (.geojson or .json).' };
  }
  if (!isObject(geo) || geo.type !== 'FeatureCollection' || !Array.isArray(geo.features)) {
    return { error: 'This file is not a GeoJSON FeatureCollection.' };
  }
  const counts = new Map<string, number>();
  for (const feature of geo.features.slice(0, SAMPLE)) {
    if (!isObject(feature) || !isObject(feature.properties)) continue;
    for (const [key, value] of Object.entries(feature.properties)) {
      // Only text or numbers can name a neighborhood.
      if (typeof value === 'string' || typeof value === 'number') counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const properties = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([key]) => key);
  return { features: geo.features.length, properties };
}

/** The property to preselect: `name` when there is one (any case), else the most common. */
export function defaultNameProperty(properties: readonly string[]): string {
  return (
    properties.find((p) => p === 'name') ??
    properties.find((p) => p.toLowerCase() === 'name') ??
    properties[0] ??
    'name'
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
