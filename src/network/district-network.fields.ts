/** A district network's one-column fields, declared once: the entity and the seed format are derived from them. */
import { kindDeprecation } from '../shared/kind-fields';
import { declareFields, slugField } from '../shared/record-fields/field-declaration';
import { DistrictNetworkKind } from './district-network-kind';

export const districtNetworkFields = declareFields({
  slug: slugField(),
  name: { kind: 'text', required: true, maxLength: 300, description: "The network's name." },
  kind: {
    kind: 'enum',
    enum: DistrictNetworkKind,
    enumName: 'district_network_kind',
    required: true,
    index: 'plain',
    description: 'How the districts of the network work together.',
    objectField: { deprecationReason: kindDeprecation('networkKind') },
  },
  aliases: {
    kind: 'textList',
    maxItems: 50,
    maxLength: 200,
    description: 'Other names and acronyms its sources use for it ("CIC"); searchable like its name.',
  },
  description: { kind: 'text', maxLength: 10_000, description: 'What the network is and does.' },
  coordinator: {
    kind: 'reference',
    type: 'Organization',
    collection: 'organizations',
    index: 'plain',
    description: 'The organization that coordinates the network.',
  },
});
