/** What a declaration gives each side: columns, writer columns, unique fields, seed fields and values, export columns. */
import { columnOfField, declareFields, entityNameOf, inputNameOf, isNullable, requiredOnCreate, slugField } from './field-declaration';
import { jsonObjectColumns, seedColumnValues, seedFieldsOf, selectedColumns } from './seed-format';
import { uniqueFieldsOf, writerColumnsOf } from './writer-columns';

enum Colour {
  RED = 'RED',
  BLUE = 'BLUE',
}

const fields = declareFields({
  slug: slugField(),
  shortName: { kind: 'text', maxLength: 100, description: 'A short name.' },
  colour: { kind: 'enum', enum: Colour, enumName: 'colour', required: true, default: Colour.RED, description: 'Its colour.' },
  aliases: { kind: 'textList', maxItems: 5, maxLength: 20, description: 'Other names.' },
  housedBy: { kind: 'reference', type: 'Organization', collection: 'organizations', description: 'Its home.' },
});

describe('record field declarations', () => {
  it('name the column in snake_case and a reference by its relation (column …_id, entity …Key, input …Id)', () => {
    expect(columnOfField('shortName', fields.shortName)).toBe('short_name');
    expect(columnOfField('housedBy', fields.housedBy)).toBe('housed_by_id');
    expect(entityNameOf('housedBy', fields.housedBy)).toBe('housedByKey');
    expect(inputNameOf('housedBy', fields.housedBy)).toBe('housedById');
    expect(columnOfField('x', { kind: 'text', maxLength: 1, column: 'y', description: '' })).toBe('y');
  });

  it('never make a list nullable, and let a new record leave out an enum with a default', () => {
    expect(isNullable(fields.aliases)).toBe(false);
    expect(isNullable(fields.shortName)).toBe(true);
    expect(requiredOnCreate(fields.colour)).toBe(false);
    expect(requiredOnCreate(fields.slug)).toBe(true);
  });

  it('give the writer its columns and the unique fields', () => {
    expect(writerColumnsOf(fields)).toEqual({
      slug: { column: 'slug', required: true },
      shortName: { column: 'short_name' },
      colour: { column: 'colour', required: true },
      aliases: { column: 'aliases', required: true },
      housedById: { column: 'housed_by_id', reference: 'Organization' },
    });
    expect(uniqueFieldsOf(fields)).toEqual(['slug']);
  });

  it('give the seed format its fields in declaration order, others placed after a declared one', () => {
    const seed = seedFieldsOf(fields, { shortName: { extra: { type: 'date' } } });
    expect(Object.keys(seed)).toEqual(['slug', 'shortName', 'extra', 'colour', 'aliases', 'housedBy']);
    expect(seed).toEqual({
      slug: { type: 'slug', required: true },
      shortName: { type: 'text', maxLength: 100 },
      extra: { type: 'date' },
      colour: { type: 'enum', values: ['RED', 'BLUE'] },
      aliases: { type: 'list', of: { type: 'text', required: true, maxLength: 20 }, maxItems: 5 },
      housedBy: { type: 'ref', collection: 'organizations' },
    });
  });

  it('turn a seed record into column values: empty optional values null, lists empty, defaults filled, keys resolved', () => {
    const ids = { organizations: new Map([['home', 7]]) } as unknown as Parameters<typeof seedColumnValues>[2];
    expect(seedColumnValues(fields, { slug: 'a', shortName: '', housedBy: 'home' }, ids)).toEqual({
      slug: 'a',
      short_name: null,
      colour: 'RED',
      aliases: [],
      housed_by_id: 7,
    });
    expect(seedColumnValues(fields, { slug: 'a', colour: 'BLUE', aliases: ['x'] }, ids)).toMatchObject({ colour: 'BLUE', aliases: ['x'], housed_by_id: null });
  });

  it('select the columns under their field names for an export, references left to the query', () => {
    expect(selectedColumns(fields, 'o')).toBe('o.slug AS "slug", o.short_name AS "shortName", o.colour AS "colour", o.aliases AS "aliases"');
    expect(jsonObjectColumns(fields, 'o')).toBe("'slug', o.slug, 'shortName', o.short_name, 'colour', o.colour, 'aliases', o.aliases");
  });
});
