/**
 * Clients keep working: the schema the resolvers build is compared with the schema as last
 * released (tests/fixtures/released-schema.graphql) by graphql-inspector, and any change it
 * rates BREAKING fails, unless what was removed had been deprecated in the released schema.
 *
 * How to change the API on purpose:
 * - Adding types, fields, optional arguments, enum values: nothing to do.
 * - Removing or changing a field, argument, enum value or input field: deprecate it first
 *   (`deprecationReason`, naming what to use instead; add the replacement beside it), release,
 *   and refresh the baseline (`cp schema.graphql tests/fixtures/released-schema.graphql`) in the
 *   release commit. Once clients have had time to move, removing it passes this test.
 * - A breaking change nobody depends on yet (a field added since the last release): refresh the
 *   baseline in the same commit. That is a deliberate act, visible in review.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isInterfaceType, isObjectType, printSchema, type GraphQLSchema } from 'graphql';
import { ChangeType, CriticalityLevel, diff, DiffRule, type Change, type Rule } from '@graphql-inspector/core';
import { buildBriefgraphSchema } from '../src/schema';

const releasedSchemaFile = path.join(__dirname, 'fixtures', 'released-schema.graphql');

/** Removing an argument deprecated in the released schema is the end of a deprecation, like removing a deprecated field. */
const suppressRemovalOfDeprecatedArgument: Rule = ({ changes, oldSchema }) =>
  changes.map((change: Change) => {
    if (change.type !== ChangeType.FieldArgumentRemoved || change.criticality.level !== CriticalityLevel.Breaking || !change.path) return change;
    const [typeName, fieldName, argumentName] = change.path.split('.');
    const type = oldSchema?.getType(typeName);
    const argument =
      isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName]?.args.find((candidate) => candidate.name === argumentName) : undefined;
    return argument?.deprecationReason ? { ...change, criticality: { ...change.criticality, level: CriticalityLevel.Dangerous } } : change;
  });

/** Every breaking change from `released` to `current`, as "path: message". */
async function breakingChanges(released: GraphQLSchema, current: GraphQLSchema): Promise<string[]> {
  const changes = await diff(released, current, [DiffRule.suppressRemovalOfDeprecatedField, suppressRemovalOfDeprecatedArgument]);
  return changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking).map((change) => `${change.path}: ${change.message}`);
}

/** The current schema with one field of a type taken out, as a later commit might do. */
function withoutField(schema: GraphQLSchema, typeName: string, fieldName: string): GraphQLSchema {
  const printed = printSchema(schema);
  const block = new RegExp(`(type ${typeName} [^{]*\\{[\\s\\S]*?)\\n(  """[^"]*"""\\n)?  ${fieldName}(\\([^)]*\\))?: [^\\n]*\\n`);
  const edited = printed.replace(block, '$1\n');
  if (edited === printed) throw new Error(`${typeName}.${fieldName} not found in the printed schema`);
  return buildSchema(edited);
}

describe('schema changes', () => {
  const current = buildBriefgraphSchema();
  const released = buildSchema(fs.readFileSync(releasedSchemaFile, 'utf8'));

  it('break nothing a client of the released schema uses (deprecate first; see this file to change the API on purpose)', async () => {
    expect(await breakingChanges(released, current)).toEqual([]);
  });

  it('are checked: removing a field that was not deprecated is breaking', async () => {
    expect(await breakingChanges(current, withoutField(current, 'Brief', 'title'))).toEqual([
      expect.stringMatching(/^Brief\.title: Field 'title' was removed/),
    ]);
  });

  it('let a deprecated field go once the released schema has it deprecated', async () => {
    const brief = current.getType('Brief');
    expect(isObjectType(brief) && brief.getFields().kind.deprecationReason).toBeTruthy();
    expect(await breakingChanges(current, withoutField(current, 'Brief', 'kind'))).toEqual([]);
  });
});
