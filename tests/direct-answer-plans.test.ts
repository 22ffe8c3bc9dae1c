/**
 * The read engine's direct answers keep their plans per operation, across requests, only
 * when no @skip or @include can change the selection: the same document sent again with
 * other variables must select what those variables say, as graphql-js would.
 */
import { startTestServer, type TestServer } from './support/test-server';

describe('direct answers of one document sent with other variables', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const conditional = `query Meeting($number: Int!, $withPlace: Boolean!, $withoutTitle: Boolean!) {
    meeting(number: $number) {
      number
      title @skip(if: $withoutTitle)
      location @include(if: $withPlace) { city }
      ...Convener @include(if: $withPlace)
    }
  }
  fragment Convener on Meeting { convener { shortName } }`;

  it('follows @skip and @include as each request’s variables say, fragments included', async () => {
    // The smaller selection first: a plan kept from it would leave fields out of the later answers.
    const less = await server.graphql(conditional, { number: 12, withPlace: false, withoutTitle: true });
    expect(less.errors).toBeUndefined();
    expect(less.data!.meeting).toEqual({ number: 12 });
    const everything = await server.graphql(conditional, { number: 12, withPlace: true, withoutTitle: false });
    expect(everything.errors).toBeUndefined();
    expect(everything.data!.meeting).toEqual({
      number: 12,
      title: expect.any(String),
      location: { city: 'Sacramento' },
      convener: { shortName: 'the Collaborative' },
    });
    const again = await server.graphql(conditional, { number: 34, withPlace: true, withoutTitle: false });
    expect(again.data!.meeting).toMatchObject({ number: 34, location: { city: 'Placerville' } });
    expect(Object.keys(again.data!.meeting)).toEqual(['number', 'title', 'location', 'convener']);
  });

  it('answers the same unconditional document for other variables with their own records', async () => {
    const query = `query Meeting($number: Int!) { meeting(number: $number) { number location { city } } }`;
    const answers = [];
    for (const number of [11, 12, 34, 12]) answers.push((await server.graphql(query, { number })).data!.meeting);
    expect(answers).toEqual([
      { number: 11, location: { city: 'Menlo Park' } },
      { number: 12, location: { city: 'Sacramento' } },
      { number: 34, location: { city: 'Placerville' } },
      { number: 12, location: { city: 'Sacramento' } },
    ]);
  });
});
