import { DateTimeResolver } from 'graphql-scalars';

/** ISO-8601 date-times on the wire (`2026-11-25T20:00:00.000Z`). */
export const DateTime = DateTimeResolver;
