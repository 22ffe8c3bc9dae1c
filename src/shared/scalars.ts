/** Custom scalars shared across the schema. */
import { LocalDateResolver } from 'graphql-scalars';

/** A calendar date without time or zone, as YYYY-MM-DD. */
export const LocalDate = LocalDateResolver;
