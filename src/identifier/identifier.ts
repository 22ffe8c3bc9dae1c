/** A persistent identifier as the API shows it: scheme, stored value and the address it resolves at. */
import { Field, ObjectType } from 'type-graphql';
import { identifierUrl, IdentifierScheme } from './identifier-schemes';

@ObjectType({
  description:
    'A persistent identifier: DOI, ERIC number, ISBN, Handle or URL of a brief, ORCID iD of a person. A value with no id: it is the scheme and value themselves, held by the record it identifies.',
})
export class Identifier {
  @Field(() => IdentifierScheme, { description: 'The identifier system.' })
  scheme: IdentifierScheme;

  @Field({ description: 'The identifier in its stored form (DOIs in lower case, ISBNs without hyphens).' })
  value: string;

  constructor(scheme: IdentifierScheme, value: string) {
    this.scheme = scheme;
    this.value = value;
  }

  @Field(() => String, {
    nullable: true,
    description: 'Where the identifier resolves on the web (https://doi.org/…, https://eric.ed.gov/?id=…, https://orcid.org/…); null for ISBNs.',
  })
  get url(): string | null {
    return identifierUrl(this.scheme, this.value);
  }
}

/** Identifiers from the JSON list the database built ([{scheme, value}]). */
export function identifiersFrom(rows: Array<{ scheme: IdentifierScheme; value: string }> | null): Identifier[] {
  return (rows ?? []).map((row) => new Identifier(row.scheme, row.value));
}
