import { Entity, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay.js';

/** An area (beat) the partnership covers. Public data. */
@ObjectType('Neighborhood', { implements: Node })
@Entity({ tableName: 'neighborhood' })
export class Neighborhood {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  /** The Relay id; the GraphQL field is a resolver (see Neighborhood's resolver), so plain rows get it too. */
  get id(): string & Opt {
    return toGlobalId('Neighborhood', this.pk);
  }

  @Field(() => String)
  @Property({ type: 'string', length: 120, unique: true })
  name!: string;

  @Field(() => Float, { description: 'Latitude of the centre; public readers see issues here.' })
  @Property({ type: 'double' })
  centerLat!: number;

  @Field(() => Float)
  @Property({ type: 'double' })
  centerLng!: number;

  @Field(() => String, {
    nullable: true,
    description: 'GeoJSON geometry of the area (Polygon or MultiPolygon), as text.',
  })
  @Property({ type: 'text', nullable: true })
  boundary?: string | null;

  /** Bounding box of `boundary`, so a point lookup reads only the candidates' shapes. */
  @Property({ type: 'double', nullable: true })
  minLat?: number | null;

  @Property({ type: 'double', nullable: true })
  maxLat?: number | null;

  @Property({ type: 'double', nullable: true })
  minLng?: number | null;

  @Property({ type: 'double', nullable: true })
  maxLng?: number | null;

  /** A retired neighborhood keeps its issues and events but takes no new reports. */
  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
