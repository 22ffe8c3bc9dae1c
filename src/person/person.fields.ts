/** A person's one-column fields, declared once: the entity, the mutation inputs, the writer and the seed format are derived from them. */
import { declareFields, slugField } from '../shared/record-fields/field-declaration';

export const personFields = declareFields({
  slug: slugField('Human key used in URLs, unique.'),
  name: { kind: 'text', required: true, maxLength: 300, description: 'The name as the person is credited, such as "H. Alix Gallagher".' },
  sortName: { kind: 'text', required: true, maxLength: 300, description: 'The name as sorted in a bibliography, family name first ("Gallagher, H. Alix").' },
  orcid: {
    kind: 'orcid',
    // One person's: unique among the people that have one.
    index: { unique: true, where: 'orcid IS NOT NULL' },
    description: "The person's ORCID iD (0000-0000-0000-000X), where a public record gives it; unique; null otherwise.",
  },
});
