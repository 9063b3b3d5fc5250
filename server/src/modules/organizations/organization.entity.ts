import { Collection, Entity, Enum, ManyToMany, PrimaryKey, Property, type Opt, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node, toGlobalId } from '../../common/relay.js';
import { Neighborhood } from '../neighborhoods/neighborhood.entity.js';

export enum OrganizationKind {
  AGENCY = 'AGENCY',
  YOUTH = 'YOUTH',
  HEALTH = 'HEALTH',
  NEIGHBORHOOD = 'NEIGHBORHOOD',
  SCHOOL = 'SCHOOL',
  FAITH = 'FAITH',
  OTHER = 'OTHER',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** The police agency or a partner organization. Public data. */
@ObjectType('Organization', { implements: Node })
@Entity({ tableName: 'organization' })
export class Organization {
  [PrimaryKeyProp]?: 'pk';

  @PrimaryKey({ type: 'integer', fieldName: 'id' })
  pk!: number & Opt;

  /** The Relay id; the GraphQL field is a resolver (see Organization's resolver), so plain rows get it too. */
  get id(): string & Opt {
    return toGlobalId('Organization', this.pk);
  }

  @Field(() => String)
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => OrganizationKind)
  @Enum({ items: () => OrganizationKind })
  kind!: OrganizationKind;

  @ManyToMany({ entity: () => Neighborhood, pivotTable: 'organization_neighborhood' })
  neighborhoods = new Collection<Neighborhood>(this);

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
