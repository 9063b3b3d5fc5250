import { Entity, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ID, Float, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay.js';

/** An area (beat) the partnership covers. Public data. */
@ObjectType('Neighborhood', { implements: Node })
@Entity({ tableName: 'neighborhood' })
export class Neighborhood {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  @Field(() => ID)
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

  @Field(() => String, { nullable: true, description: 'GeoJSON Polygon of the area, as text.' })
  @Property({ type: 'text', nullable: true })
  boundary?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
