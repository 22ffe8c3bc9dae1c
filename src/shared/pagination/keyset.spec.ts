import { GraphQLError } from 'graphql';
import { toPageRequest } from './connection-arguments';
import { encodeCursor } from './cursor';
import { countSelect, pageSelect, type ListDefinition, type Ordering } from './keyset';
import { SqlBuilder } from './sql-builder';

const byTitle: Ordering = {
  name: 'TITLE_ASC',
  columns: [
    { sql: 'b.title', type: 'text' },
    { sql: 'b.id', type: 'int' },
  ],
  descending: false,
};
const newestFirst: Ordering = {
  name: 'PUBLISHED_DESC',
  columns: [
    { sql: 'b.published_on', type: 'date' },
    { sql: 'b.id', type: 'int' },
  ],
  descending: true,
};
const briefs: ListDefinition = { scope: 'briefs', from: 'brief b', key: 'b.id', conditions: [(sql) => `b.kind = ${sql.param('REPORT', 'brief_kind')}`] };

/** The page's SQL on one line, and its parameters. */
function page(ordering: Ordering, args: Parameters<typeof toPageRequest>[0], parentCondition?: string) {
  const sql = new SqlBuilder();
  const text = pageSelect(sql, briefs, ordering, toPageRequest(args), parentCondition).replace(/\s+/g, ' ').trim();
  return { text, parameters: sql.parameters };
}

describe('keyset pages', () => {
  it('ask for one row more than the page, in the ordering, after the filters', () => {
    expect(page(byTitle, { first: 10 })).toEqual({
      text: 'SELECT b.id AS key, b.title AS s0, b.id AS s1 FROM brief b WHERE b.kind = $1::brief_kind ORDER BY b.title ASC, b.id ASC LIMIT $2::int',
      parameters: ['REPORT', 11],
    });
  });

  it('continue after a cursor with a row comparison, never an offset', () => {
    const after = encodeCursor('briefs:TITLE_ASC', ['Reform', 7]);
    expect(page(byTitle, { first: 2, after })).toEqual({
      text: 'SELECT b.id AS key, b.title AS s0, b.id AS s1 FROM brief b WHERE b.kind = $1::brief_kind AND (b.title, b.id) > ($2::text, $3::int) ORDER BY b.title ASC, b.id ASC LIMIT $4::int',
      parameters: ['REPORT', 'Reform', 7, 3],
    });
  });

  it('read backwards from the end for last/before, turning the comparison and the order around', () => {
    const before = encodeCursor('briefs:PUBLISHED_DESC', ['2019-05-01', 3]);
    const { text, parameters } = page(newestFirst, { last: 5, before });
    expect(text).toContain('(b.published_on, b.id) > ($2::date, $3::int) ORDER BY b.published_on ASC, b.id ASC');
    expect(parameters).toEqual(['REPORT', '2019-05-01', 3, 6]);
    expect(page(newestFirst, { first: 5 }).text).toContain('ORDER BY b.published_on DESC, b.id DESC');
  });

  it('page each parent separately when nested', () => {
    expect(page(byTitle, { first: 3 }, 'b.publisher_id = p.owner').text).toContain('WHERE b.publisher_id = p.owner AND b.kind = $1::brief_kind');
  });

  it('refuse a cursor of another ordering, or one whose values do not fit the columns', () => {
    const wrongOrdering = encodeCursor('briefs:PUBLISHED_DESC', ['2019-05-01', 3]);
    const wrongTypes = [
      encodeCursor('briefs:TITLE_ASC', [7, 'Reform']),
      encodeCursor('briefs:TITLE_ASC', ['Reform']),
      encodeCursor('briefs:TITLE_ASC', ['a\u0000', 1]),
    ];
    for (const after of [wrongOrdering, ...wrongTypes]) expect(() => page(byTitle, { first: 2, after })).toThrow(GraphQLError);
    expect(() => page(newestFirst, { first: 2, after: encodeCursor('briefs:PUBLISHED_DESC', ['2019-02-31', 3]) })).toThrow(GraphQLError);
  });

  it('count the whole list under the same filters', () => {
    const sql = new SqlBuilder();
    expect(countSelect(sql, briefs).replace(/\s+/g, ' ').trim()).toBe('SELECT count(*)::int FROM brief b WHERE b.kind = $1::brief_kind');
  });
});

describe('page arguments', () => {
  it('default to the first 20', () => {
    expect(toPageRequest({})).toEqual({ size: 20, forwards: true, cursor: null, cursorArgument: 'after' });
    expect(toPageRequest({ before: 'c' })).toEqual({ size: 20, forwards: false, cursor: 'c', cursorArgument: 'before' });
  });

  it.each([
    [{ first: 101 }, 'Argument "first" must be at most 100, got 101; page through larger lists with cursors'],
    [{ last: -1 }, 'Argument "last" must be a whole number from 0 to 100, got -1'],
    [{ first: 1, last: 1 }, 'Argument "last" cannot be combined with "first"; page forwards with first/after or backwards with last/before'],
    [{ after: 'a', before: 'b' }, 'Argument "before" cannot be combined with "after"'],
    [{ after: '' }, 'Argument "after" is empty; leave it out to start from the beginning'],
  ])('refuse %j', (args, message) => {
    expect(() => toPageRequest(args)).toThrow(message);
  });
});
