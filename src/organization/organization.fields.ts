/** An organization's one-column fields, declared once: the entity, the mutation inputs, the writer and the seed format are derived from them. */
import { kindDeprecation } from '../shared/kind-fields';
import { declareFields, slugField } from '../shared/record-fields/field-declaration';
import { OrganizationKind } from './organization-kind';

export const organizationFields = declareFields({
  slug: slugField(),
  name: { kind: 'text', required: true, maxLength: 300, description: "The organization's name." },
  shortName: { kind: 'text', maxLength: 100, description: 'The short name or acronym the organization goes by.' },
  kind: {
    kind: 'enum',
    enum: OrganizationKind,
    enumName: 'organization_kind',
    required: true,
    index: 'plain',
    description: 'What sort of body the organization is.',
    objectField: { deprecationReason: kindDeprecation('organizationKind') },
  },
  websiteUrl: { kind: 'url', description: "The organization's website." },
  description: { kind: 'text', maxLength: 10_000, description: 'What the organization is and does.' },
  housedBy: { kind: 'reference', type: 'Organization', collection: 'organizations', index: 'plain', description: 'The organization that houses this one.' },
});
