import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('Coordinates')
export class Coordinates {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;
}

@InputType('CoordinatesInput')
export class CoordinatesInput {
  @Field(() => Float, { description: 'Latitude, -90 to 90 (WGS84).' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180 (WGS84).' })
  lng!: number;
}

@ObjectType('Partnership', {
  description: "The partnership's own settings. Public: the board and the public page need them before sign-in.",
})
export class Partnership {
  @Field(() => String, { description: '"" until setup.' })
  name!: string;

  @Field(() => String, { description: 'IANA time zone, e.g. "America/Chicago"; "UTC" until setup.' })
  timeZone!: string;

  @Field(() => String, { description: 'Default language of the board and the public page: "en" or "es".' })
  language!: string;

  @Field(() => Coordinates, { nullable: true, description: 'Null: the centre of the neighborhoods.' })
  mapCenter!: Coordinates | null;

  @Field(() => Int, { nullable: true })
  mapZoom!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'An XYZ template like https://tiles.example/{z}/{x}/{y}.png; null: no base map.',
  })
  tileUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'Shown on the public page.' })
  welcomeText!: string | null;

  @Field(() => Boolean, { description: 'True until a coordinator exists (then setup is closed for good).' })
  setupRequired!: boolean;

  @Field(() => Boolean, {
    description: 'True when SMTP_URL is set: members may ask for a reset link themselves.',
  })
  passwordResetByEmail!: boolean;
}

@InputType('PartnershipSettingsInput', {
  description: 'Only the fields given change; null clears tileUrl, welcomeText, mapCenter, mapZoom.',
})
export class PartnershipSettingsInput {
  @Field(() => String, { nullable: true, description: '1 to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. "America/Chicago".' })
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: '"en" or "es".' })
  language?: string | null;

  @Field(() => CoordinatesInput, { nullable: true })
  mapCenter?: CoordinatesInput | null;

  @Field(() => Int, { nullable: true, description: '1 to 20.' })
  mapZoom?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'http(s) URL with {z}, {x} and {y}, e.g. https://tiles.example/{z}/{x}/{y}.png.',
  })
  tileUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 2000 characters.' })
  welcomeText?: string | null;
}
