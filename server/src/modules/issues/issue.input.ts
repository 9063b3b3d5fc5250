import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { LocationInput } from '../../common/location.js';
import { IssueCategory, IssuePriority, IssueStatus } from './issue.enums.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency.js';

@InputType('ReportIssueInput')
export class ReportIssueInput {
  @Field(() => String)
  @Length(3, 200, { message: 'title must be 3 to 200 characters' })
  title!: string;

  @Field(() => String, { defaultValue: '' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description!: string;

  @Field(() => IssueCategory)
  category!: IssueCategory;

  @Field(() => ID)
  neighborhoodId!: string;

  @Field(() => LocationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: LocationInput | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Store no identity at all (no account link, no contact).' })
  anonymous!: boolean;

  @Field(() => String, { nullable: true, description: 'How the organizations assigned may reach the resident.' })
  @IsOptional()
  @Length(3, 300, { message: 'contact must be 3 to 300 characters' })
  contact?: string | null;

  @Field(() => IssuePriority, { nullable: true, description: 'Members only; residents report at NORMAL.' })
  @IsOptional()
  priority?: IssuePriority | null;

  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  idempotencyKey?: string | null;
}

@InputType('IssueFilter')
export class IssueFilter {
  @Field(() => [IssueStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(5)
  status?: IssueStatus[] | null;

  @Field(() => ID, { nullable: true })
  neighborhoodId?: string | null;

  @Field(() => IssueCategory, { nullable: true })
  category?: IssueCategory | null;

  @Field(() => ID, { nullable: true, description: 'Issues shared with (assigned to) this organization.' })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Words in the title or description.' })
  @IsOptional()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string | null;
}

export enum IssueOrder {
  REPORTED_AT_DESC = 'REPORTED_AT_DESC',
  REPORTED_AT_ASC = 'REPORTED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  PRIORITY_DESC = 'PRIORITY_DESC',
  SUPPORTERS_DESC = 'SUPPORTERS_DESC',
}
registerEnumType(IssueOrder, { name: 'IssueOrder' });
