/** A district's one-column fields, declared once: the entity, the mutation inputs, the writer and the seed format are derived from them. */
import { kindDeprecation } from '../shared/kind-fields';
import { declareFields, slugField } from '../shared/record-fields/field-declaration';
import { DistrictKind } from './district-kind';

export const districtFields = declareFields({
  slug: slugField(),
  name: { kind: 'text', required: true, maxLength: 300, description: "The district's name." },
  state: { kind: 'state', required: true, index: 'plain', description: 'Two-letter US state code, such as CA.' },
  kind: {
    kind: 'enum',
    enum: DistrictKind,
    enumName: 'district_kind',
    required: true,
    index: 'plain',
    description: 'What sort of local education agency the district is.',
    objectField: { deprecationReason: kindDeprecation('districtKind') },
  },
});
