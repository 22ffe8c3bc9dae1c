/** A theme's one-column fields, declared once: the entity, the mutation inputs, the writer and the seed format are derived from them. */
import { declareFields, slugField } from '../shared/record-fields/field-declaration';

export const themeFields = declareFields({
  slug: slugField(),
  name: { kind: 'text', required: true, maxLength: 200, description: "The theme's name." },
  description: { kind: 'text', maxLength: 10_000, description: 'What the theme covers.' },
  parent: { kind: 'reference', type: 'Theme', collection: 'themes', index: 'plain', description: 'The broader theme this one belongs to.' },
});
