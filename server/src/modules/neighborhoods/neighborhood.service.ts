import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { idempotent, type Idempotent, type IdempotencyClaim } from '../idempotency/idempotency.js';
import { requireText } from '../../common/text.js';
import { badInput, notFound } from '../../common/errors.js';
import { pkOf } from '../../common/relay.js';
import type { MemberViewer } from '../../auth/viewer.js';
import type { ActivityBus } from '../../realtime/bus.js';
import { runChange } from '../../realtime/change.js';
import { ActivityKind } from '../activity/activity.enums.js';
import { adminActivity } from '../members/admin-activity.js';
import { Neighborhood } from './neighborhood.entity.js';
import {
  CollectionError,
  GeometryError,
  MAX_NAME_LENGTH,
  boundaryContains,
  nameKey,
  parseBoundary,
  parseFeatureCollection,
  type Shape,
} from './neighborhood.geometry.js';
import type { CreateNeighborhoodInput, UpdateNeighborhoodInput } from './neighborhood.input.js';
import type { NeighborhoodImportResult } from './neighborhood.type.js';

const NAME_TAKEN = 'name is already in use by another neighborhood';

/**
 * The active neighborhood whose shape contains the point, or null. The bounding boxes narrow
 * the candidates in SQL; the shapes decide (holes excluded). A point on a border shared by two
 * goes to the older one (lowest id), always the same. No boundary, no match.
 */
export async function neighborhoodAt(em: EntityManager, lat: number, lng: number): Promise<Neighborhood | null> {
  const candidates = await em.find(
    Neighborhood,
    {
      retiredAt: null,
      boundary: { $ne: null },
      // Rows saved before bounding boxes existed have none: their shapes are read too.
      $or: [
        { minLat: { $lte: lat }, maxLat: { $gte: lat }, minLng: { $lte: lng }, maxLng: { $gte: lng } },
        { minLat: null },
      ],
    },
    { orderBy: { pk: 'asc' } },
  );
  return candidates.find((n) => boundaryContains(n.boundary, lat, lng)) ?? null;
}

/** Sets the stored shape and everything derived from it. */
function applyShape(neighborhood: Neighborhood, shape: Shape): void {
  neighborhood.boundary = shape.text;
  neighborhood.minLat = shape.bbox.minLat;
  neighborhood.maxLat = shape.bbox.maxLat;
  neighborhood.minLng = shape.bbox.minLng;
  neighborhood.maxLng = shape.bbox.maxLng;
  neighborhood.centerLat = shape.center.lat;
  neighborhood.centerLng = shape.center.lng;
}

/** The fields of a new neighborhood with this shape. */
export const shapeFields = (shape: Shape) => ({
  boundary: shape.text,
  ...shape.bbox,
  centerLat: shape.center.lat,
  centerLng: shape.center.lng,
});

function checkName(raw: string): string {
  return requireText(raw, 'name', 1, MAX_NAME_LENGTH);
}

function shapeOf(text: string): Shape {
  try {
    return parseBoundary(text);
  } catch (error) {
    if (error instanceof GeometryError) throw badInput('boundary', error.message);
    throw error;
  }
}

/** Pks of the given neighborhoods that an issue or event refers to: those are retired, never deleted. */
async function inUse(em: EntityManager, pks: number[]): Promise<Set<number>> {
  if (pks.length === 0) return new Set();
  const marks = pks.map(() => '?').join(', ');
  const sql =
    `select neighborhood_id as id from community_issue where neighborhood_id in (${marks}) ` +
    `union select neighborhood_id as id from shared_event where neighborhood_id in (${marks})`;
  const rows = await em
    .getConnection()
    .execute<{ id: number }[]>(sql, [...pks, ...pks], 'all', em.getTransactionContext());
  return new Set(rows.map((r: { id: number }) => Number(r.id)));
}

/**
 * Neighborhoods: the city's import, single edits, retiring and restoring (coordinators; see the
 * resolver), and finding the one a point is in. Every change writes one COORDINATORS activity.
 */
export class NeighborhoodService {
  constructor(
    private readonly orm: MikroORM,
    private readonly bus: ActivityBus,
  ) {}

  /** By name; retired ones only when asked. */
  list(em: EntityManager, includeRetired: boolean): Promise<Neighborhood[]> {
    return em.find(Neighborhood, includeRetired ? {} : { retiredAt: null }, { orderBy: { name: 'asc', pk: 'asc' } });
  }

  /** The active neighborhood containing the point, or null. */
  at(em: EntityManager, lat: number, lng: number): Promise<Neighborhood | null> {
    if (!(lat >= -90 && lat <= 90)) throw badInput('lat', 'lat must be between -90 and 90');
    if (!(lng >= -180 && lng <= 180)) throw badInput('lng', 'lng must be between -180 and 180');
    return neighborhoodAt(em, lat, lng);
  }

  /**
   * Imports a FeatureCollection in one transaction with one activity. Features match existing
   * neighborhoods by name (trimmed, any case); refused features are reported and write nothing,
   * and their names still count as present, so a typo in a shape never retires a neighborhood.
   * With `retireMissing`, neighborhoods absent from the file are retired when in use, deleted
   * when never used.
   */
  async import(
    viewer: MemberViewer,
    geojson: string,
    nameProperty: string,
    retireMissing: boolean,
  ): Promise<NeighborhoodImportResult> {
    const property = nameProperty.trim();
    if (property.length < 1 || property.length > 200) {
      throw badInput('nameProperty', 'nameProperty must be 1 to 200 characters');
    }
    let parsed: ReturnType<typeof parseFeatureCollection>;
    try {
      parsed = parseFeatureCollection(geojson, property);
    } catch (error) {
      if (error instanceof CollectionError) throw badInput(error.field, error.message);
      throw error;
    }
    return runChange(this.orm, this.bus, async (em, record) => {
      const existing = await em.find(Neighborhood, {}, { orderBy: { pk: 'asc' } });
      const byKey = new Map<string, Neighborhood>();
      for (const n of existing) if (!byKey.has(nameKey(n.name))) byKey.set(nameKey(n.name), n);
      const result: NeighborhoodImportResult = {
        created: [],
        updated: [],
        unchanged: [],
        retired: [],
        deleted: [],
        errors: parsed.errors,
      };
      for (const { name, shape } of parsed.features) {
        const match = byKey.get(nameKey(name));
        if (!match) {
          result.created.push(em.create(Neighborhood, { name, ...shapeFields(shape) }));
          continue;
        }
        const changed = match.boundary !== shape.text || match.minLat == null;
        if (changed) applyShape(match, shape);
        const renamed = match.name !== name;
        if (renamed) match.name = name;
        const restored = match.retiredAt != null;
        if (restored) match.retiredAt = null;
        (changed || renamed || restored ? result.updated : result.unchanged).push(match);
      }
      if (retireMissing) {
        const missing = existing.filter((n) => !parsed.names.has(nameKey(n.name)));
        const used = await inUse(
          em,
          missing.map((n) => n.pk),
        );
        const unused = missing.filter((n) => !used.has(n.pk));
        for (const n of missing) {
          if (used.has(n.pk) && n.retiredAt == null) {
            n.retiredAt = new Date();
            result.retired.push(n);
          }
        }
        if (unused.length) {
          const marks = unused.map(() => '?').join(', ');
          await em.getConnection().execute(
            `delete from organization_neighborhood where neighborhood_id in (${marks})`,
            unused.map((n) => n.pk),
            'run',
            em.getTransactionContext(),
          );
          for (const n of unused) em.remove(n);
          result.deleted = unused.map((n) => n.name).sort((a, b) => a.localeCompare(b));
        }
      }
      const counts = [
        `${result.created.length} created`,
        `${result.updated.length} updated`,
        `${result.unchanged.length} unchanged`,
        `${result.retired.length} retired`,
        `${result.deleted.length} deleted`,
        `${result.errors.length} refused`,
      ];
      record(
        adminActivity(ActivityKind.NEIGHBORHOODS_IMPORTED, `Neighborhoods imported: ${counts.join(', ')}`, viewer),
      );
      return result;
    });
  }

  /** A new neighborhood from a name and a shape; BAD_USER_INPUT naming the field otherwise. */
  async create(
    viewer: MemberViewer,
    input: CreateNeighborhoodInput,
    claim?: IdempotencyClaim | null,
  ): Promise<Neighborhood> {
    const name = checkName(input.name);
    const shape = shapeOf(input.boundary);
    return this.write(
      async (em, record) => {
        await this.checkNameFree(em, name, null);
        const neighborhood = em.create(Neighborhood, { name, ...shapeFields(shape) });
        record(adminActivity(ActivityKind.NEIGHBORHOOD_CREATED, `Neighborhood created: ${name}`, viewer));
        return neighborhood;
      },
      idempotent(claim, 'Neighborhood'),
    );
  }

  /** Renames it or gives it a new shape; only the fields given change. */
  async update(viewer: MemberViewer, id: string, input: UpdateNeighborhoodInput): Promise<Neighborhood> {
    const pk = pkOf(id, 'Neighborhood', 'id');
    const name = input.name == null ? null : checkName(input.name);
    const shape = input.boundary == null ? null : shapeOf(input.boundary);
    return this.write(async (em, record) => {
      const neighborhood = await this.load(em, pk);
      const changes: string[] = [];
      if (name != null && name !== neighborhood.name) {
        await this.checkNameFree(em, name, pk);
        changes.push(`renamed from ${neighborhood.name}`);
        neighborhood.name = name;
      }
      if (shape && (shape.text !== neighborhood.boundary || neighborhood.minLat == null)) {
        applyShape(neighborhood, shape);
        changes.push('new boundary');
      }
      if (changes.length) {
        const summary = `Neighborhood updated: ${neighborhood.name} (${changes.join(', ')})`;
        record(adminActivity(ActivityKind.NEIGHBORHOOD_UPDATED, summary, viewer));
      }
      return neighborhood;
    });
  }

  /** It keeps its issues and events and takes no new reports. */
  async retire(viewer: MemberViewer, id: string): Promise<Neighborhood> {
    const pk = pkOf(id, 'Neighborhood', 'id');
    return this.write(async (em, record) => {
      const neighborhood = await this.load(em, pk);
      if (neighborhood.retiredAt) throw badInput('id', `${neighborhood.name} is already retired`);
      neighborhood.retiredAt = new Date();
      record(adminActivity(ActivityKind.NEIGHBORHOOD_RETIRED, `Neighborhood retired: ${neighborhood.name}`, viewer));
      return neighborhood;
    });
  }

  /** Takes reports again. */
  async restore(viewer: MemberViewer, id: string): Promise<Neighborhood> {
    const pk = pkOf(id, 'Neighborhood', 'id');
    return this.write(async (em, record) => {
      const neighborhood = await this.load(em, pk);
      if (!neighborhood.retiredAt) throw badInput('id', `${neighborhood.name} is not retired`);
      neighborhood.retiredAt = null;
      record(adminActivity(ActivityKind.NEIGHBORHOOD_RESTORED, `Neighborhood restored: ${neighborhood.name}`, viewer));
      return neighborhood;
    });
  }

  private async load(em: EntityManager, pk: number): Promise<Neighborhood> {
    const neighborhood = await em.findOne(Neighborhood, { pk });
    if (!neighborhood) throw notFound('Neighborhood');
    return neighborhood;
  }

  /** Names are unique whatever their case, so an import always knows which one a feature means. */
  private async checkNameFree(em: EntityManager, name: string, exceptPk: number | null): Promise<void> {
    const rows = await em
      .getConnection()
      .execute<
        { id: number; name: string }[]
      >('select id, name from neighborhood', [], 'all', em.getTransactionContext());
    if (
      rows.some((r: { id: number; name: string }) => Number(r.id) !== exceptPk && nameKey(r.name) === nameKey(name))
    ) {
      throw badInput('name', NAME_TAKEN);
    }
  }

  /** runChange; a name taken by a concurrent write is still BAD_USER_INPUT. */
  private async write(
    work: Parameters<typeof runChange<Neighborhood>>[2],
    keyed: Idempotent | null = null,
  ): Promise<Neighborhood> {
    try {
      return await runChange(this.orm, this.bus, work, { idempotency: keyed });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw badInput('name', NAME_TAKEN);
      throw error;
    }
  }
}
