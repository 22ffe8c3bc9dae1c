import { tablesOfPlan } from './tables-read';

describe('tables of a plan', () => {
  it('names every table scanned, at any depth, once and in order', () => {
    const plan = [
      {
        Plan: {
          'Node Type': 'Nested Loop',
          Plans: [
            { 'Node Type': 'Index Scan', 'Relation Name': 'brief', Schema: 'public' },
            {
              'Node Type': 'Aggregate',
              Plans: [
                { 'Node Type': 'Seq Scan', 'Relation Name': 'lesson', Schema: 'public' },
                {
                  'Node Type': 'Index Only Scan',
                  'Relation Name': 'brief',
                  Schema: 'public',
                  Plans: [{ 'Node Type': 'Seq Scan', 'Relation Name': 'api_key' }],
                },
              ],
            },
          ],
        },
      },
    ];
    expect(tablesOfPlan(plan)).toEqual(['api_key', 'brief', 'lesson']);
  });

  it('names none for a statement that reads no table', () => {
    expect(tablesOfPlan([{ Plan: { Plans: [{}] } }])).toEqual([]);
  });
});
