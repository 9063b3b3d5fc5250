import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * The partnership's own settings: one row (`id = 1`), written by first-run setup and changed by
 * coordinators. Before setup there is no row and the defaults in partnership.service apply.
 */
@Entity({ tableName: 'partnership' })
export class PartnershipSettings {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number & Opt = 1;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** IANA time zone; every date the board shows is in it. */
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  /** Default language of the board and the public page (`en`, `es`). */
  @Property({ type: 'string', length: 16 })
  language!: string;

  @Property({ type: 'double', nullable: true })
  mapCenterLat?: number | null;

  @Property({ type: 'double', nullable: true })
  mapCenterLng?: number | null;

  @Property({ type: 'integer', nullable: true })
  mapZoom?: number | null;

  /** XYZ tile URL template for a base map; null: neighborhoods and pins on a plain background. */
  @Property({ type: 'string', length: 500, nullable: true })
  tileUrl?: string | null;

  @Property({ type: 'text', nullable: true })
  welcomeText?: string | null;

  @Property({ type: 'datetime', nullable: true })
  setupCompletedAt?: Date | null;

  @Property({ type: 'datetime' })
  updatedAt: Date & Opt = new Date();
}
