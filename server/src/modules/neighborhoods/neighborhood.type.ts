import { Field, Int, ObjectType } from 'type-graphql';
import { Neighborhood } from './neighborhood.entity.js';

@ObjectType('NeighborhoodImportError', { description: 'A feature of the file that was refused.' })
export class NeighborhoodImportError {
  @Field(() => Int, { description: 'Position of the feature in the FeatureCollection, from 0.' })
  index!: number;

  @Field(() => String, { nullable: true, description: 'Its name property, when it has one.' })
  name!: string | null;

  @Field(() => String, { description: `Names the feature, e.g. 'feature 3 ("Old Town"): ring 1 is not closed'.` })
  message!: string;
}

@ObjectType('NeighborhoodImportResult', {
  description: 'What an import did. The refused features are in errors; everything else was written, in one go.',
})
export class NeighborhoodImportResult {
  @Field(() => [Neighborhood])
  created!: Neighborhood[];

  @Field(() => [Neighborhood], { description: 'Matched by name; shape, spelling changed, or restored.' })
  updated!: Neighborhood[];

  @Field(() => [Neighborhood])
  unchanged!: Neighborhood[];

  @Field(() => [Neighborhood], {
    description: 'Not in the file and in use (issues or events): retired, never deleted.',
  })
  retired!: Neighborhood[];

  @Field(() => [String], { description: 'Names of neighborhoods not in the file and never used.' })
  deleted!: string[];

  @Field(() => [NeighborhoodImportError])
  errors!: NeighborhoodImportError[];
}
