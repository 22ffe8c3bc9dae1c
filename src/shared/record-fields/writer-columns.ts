/** The writer side of a record type's field declarations: the shared write steps' column for each input field, and the unique ones. */
import type { ColumnSpec } from '../../mutation/record-writer';
import { columnOfField, inputNameOf, isNullable, type FieldDeclarations } from './field-declaration';

/** Input field → column, for `RecordTypeSpec.columns`; a reference's input holds the global ID of a record of its type. */
export function writerColumnsOf(declarations: FieldDeclarations): Record<string, ColumnSpec> {
  return Object.fromEntries(
    Object.entries(declarations).map(([name, declaration]) => [
      inputNameOf(name, declaration),
      {
        column: columnOfField(name, declaration),
        // A list is never null either; an update may set it to an empty one.
        ...(isNullable(declaration) ? {} : { required: true }),
        ...(declaration.kind === 'reference' ? { reference: declaration.type } : {}),
      },
    ]),
  );
}

/** The fields whose value must be unique among records of the type, for `RecordTypeSpec.unique`. */
export function uniqueFieldsOf(declarations: FieldDeclarations): string[] {
  return Object.entries(declarations)
    .filter(([, declaration]) => declaration.index !== undefined && declaration.index !== 'plain')
    .map(([name, declaration]) => inputNameOf(name, declaration));
}
