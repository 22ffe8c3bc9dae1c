/**
 * The `basis` field lessons and lesson links declare (their *.fields.ts): one enum column
 * of the same PostgreSQL type, required, EDITORIAL_INFERENCE when a record leaves it out.
 */
import type { FieldDeclaration } from '../shared/record-fields/field-declaration';
import { EvidenceBasis } from './evidence-basis';

type EvidenceBasisField = FieldDeclaration & { kind: 'enum'; enum: typeof EvidenceBasis; required: true };

export function evidenceBasisField(descriptions: { description: string; inputDescription: string }, index?: FieldDeclaration['index']): EvidenceBasisField {
  return {
    kind: 'enum',
    enum: EvidenceBasis,
    enumName: 'evidence_basis',
    required: true,
    default: EvidenceBasis.EDITORIAL_INFERENCE,
    ...(index ? { index } : {}),
    ...descriptions,
  };
}
