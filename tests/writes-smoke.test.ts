import { createApiKey } from '../src/auth/api-key.service';
import { ApiKeyRole } from '../src/auth/api-key.entity';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

test('smoke', async () => {
  const { secret } = await createApiKey(server.database.dataSource.manager, 'editor', ApiKeyRole.EDITOR);
  const org = await server.graphql(`{ organizations(first: 1) { nodes { id } } }`);
  const publisherId = org.data!.organizations.nodes[0].id;
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({
    query: `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id slug status version lessons { nodes { position statement } } } userErrors { field message code } } }`,
    variables: { input: { slug: 'new-brief', title: 'T', kind: 'REPORT', summary: 'S', publisherId, published: '2023-02-31', lessons: [{ statement: 'a' }, { statement: '' }] } } }) });
  console.log(JSON.stringify(await response.json(), null, 1));
  const ok = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` }, body: JSON.stringify({
    query: `mutation($input: BriefCreateInput!) { briefCreate(input: $input) { brief { id slug status version lessons { nodes { position statement } } } userErrors { field message code } } }`,
    variables: { input: { slug: 'new-brief', title: 'T', kind: 'REPORT', summary: 'S', publisherId, published: '2023-02', lessons: [{ statement: 'a' }, { statement: 'b' }] } } }) });
  console.log(JSON.stringify(await ok.json(), null, 1));
  console.log(JSON.stringify(await server.graphql(`{ brief(slug: "new-brief") { id } }`)));
  const audit = await server.database.dataSource.query('SELECT actor_name, action, record_type, before, after FROM audit_entry');
  console.log(JSON.stringify(audit).slice(0, 600));
});
