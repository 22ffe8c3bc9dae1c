/** How people and their affiliations are read, and the root fields `person(slug:)` and `people`. */
import { briefListing } from '../brief/brief.service';
import { identifiersFrom, Identifier } from '../identifier/identifier';
import { checkIdentifier, IdentifierScheme } from '../identifier/identifier-schemes';
import { organizationReads } from '../organization/organization.reads';
import { personJsonLd } from '../publication/json-ld';
import { computed, computedFrom, connection, defineReads, ownedBy, toOne } from '../read/record-reads';
import { defineRootReads, rootConnection, rootLookup } from '../read/root-reads';
import { throughJoinTable } from '../shared/pagination/listing';
import { userInputError } from '../shared/user-input-error';
import { sourcedFields } from '../source-document/source-document.reads';
import { PersonAffiliation } from './person-affiliation.entity';
import { Person } from './person.entity';
import { personListing } from './person.service';

const byPosition = (alias: string) => `${alias}.position`;

export const personReads = defineReads({
  typeName: 'Person',
  entity: Person,
  table: 'person',
  fields: {
    ...sourcedFields,
    identifiers: computed(['orcid'], (row) => (row.orcid ? [new Identifier(IdentifierScheme.ORCID, row.orcid)] : identifiersFrom(null))),
    affiliations: ownedBy(() => personAffiliationReads, 'person_id', byPosition),
    // Briefs whose byline names the person (a byline names each person once).
    briefs: connection(() => briefListing, throughJoinTable('brief', 'b', 'brief_contributor', 'person_id', 'brief_id')),
    jsonLd: computedFrom(
      (row) => `json_build_object('slug', ${row}.slug, 'name', ${row}.name, 'sort_name', ${row}.sort_name, 'orcid', ${row}.orcid)`,
      (value) => personJsonLd(value),
    ),
  },
});

export const personAffiliationReads = defineReads({
  typeName: 'PersonAffiliation',
  entity: PersonAffiliation,
  table: 'person_affiliation',
  fields: {
    person: toOne(() => personReads, 'person_id'),
    organization: toOne(() => organizationReads, 'organization_id'),
  },
});

defineRootReads({
  people: rootConnection(() => personListing),
  person: rootLookup(
    () => personReads,
    (args, sql, alias) => {
      if ((args.slug == null) === (args.orcid == null)) throw userInputError('slug', 'or orcid: give exactly one of them');
      if (args.slug != null) return `${alias}.slug = ${sql.param(args.slug, 'text')}`;
      const checked = checkIdentifier(IdentifierScheme.ORCID, args.orcid);
      if ('problem' in checked) throw userInputError('orcid', checked.problem);
      return `${alias}.orcid = ${sql.param(checked.value, 'text')}`;
    },
  ),
});
