/**
 * `npm run keys -- <command>`: API keys from a shell, for the first admin key of an
 * install and for operators.
 *
 *   generate                               print a new secret (for ADMIN_API_KEY); touches no database
 *   create --name <name> --role EDITOR|ADMIN  create a key and print its secret, once
 *   list                                   name, prefix, role and state of every key
 *   revoke --name <name>                   revoke a key at once
 */
import 'reflect-metadata';
import { appendAuditEntry, commandLineActor } from '../audit/audit-log';
import { snapshotRecord } from '../audit/record-snapshot';
import { ApiKey, ApiKeyRole } from '../auth/api-key.entity';
import { generateApiKeySecret } from '../auth/api-key-secret';
import { apiKeyNamePattern, createApiKey, isApiKeyNameTaken, listApiKeys, revokeApiKey } from '../auth/api-key.service';
import { runPendingMigrations } from '../database/migrate';
import { withDatabase } from './with-database';

const usage = `usage: npm run keys -- generate
       npm run keys -- create --name <name> --role EDITOR|ADMIN
       npm run keys -- list
       npm run keys -- revoke --name <name>`;

function fail(message: string, exitCode = 2): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(exitCode);
}

function options(argumentsGiven: string[], allowed: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (let index = 0; index < argumentsGiven.length; index += 2) {
    const flag = argumentsGiven[index];
    const value = argumentsGiven[index + 1];
    if (!flag.startsWith('--') || !allowed.includes(flag.slice(2))) fail(`unknown argument ${JSON.stringify(flag)}`);
    if (value === undefined || value.startsWith('--')) fail(`${flag} needs a value`);
    values[flag.slice(2)] = value;
  }
  return values;
}

const [command, ...rest] = process.argv.slice(2);

if (command === 'generate') {
  if (rest.length > 0) fail('generate takes no arguments');
  console.log(generateApiKeySecret());
  process.exit(0);
}

if (command === 'create') {
  const { name, role } = options(rest, ['name', 'role']);
  if (!name || !apiKeyNamePattern.test(name)) fail('--name is required: up to 100 letters, digits, spaces, ".", "_" or "-", starting with a letter or digit');
  if (role !== ApiKeyRole.EDITOR && role !== ApiKeyRole.ADMIN) fail('--role must be EDITOR or ADMIN');
  withDatabase(async (dataSource, logger) => {
    await runPendingMigrations(dataSource, logger);
    const secret = await dataSource.transaction(async (manager) => {
      if (await isApiKeyNameTaken(manager, name))
        throw new Error(`an API key named ${JSON.stringify(name)} already exists; choose another name or revoke that one`);
      const created = await createApiKey(manager, name, role);
      await appendAuditEntry(manager, {
        actorName: commandLineActor,
        actorKey: null,
        action: 'keys create',
        recordType: 'ApiKey',
        recordKey: created.apiKey.key,
        before: null,
        after: await snapshotRecord(manager, 'api_key', created.apiKey.key),
        requestId: null,
      });
      return created.secret;
    });
    process.stderr.write(`Created the ${role} key "${name}". Its secret, shown only now (send it as "Authorization: Bearer <secret>"):\n`);
    console.log(secret);
  });
} else if (command === 'list') {
  if (rest.length > 0) fail('list takes no arguments');
  withDatabase(async (dataSource, logger) => {
    await runPendingMigrations(dataSource, logger);
    const keys = await listApiKeys(dataSource.manager);
    if (keys.length === 0) console.log('no API keys yet; create one with: npm run keys -- create --name <name> --role ADMIN');
    for (const key of keys) {
      console.log(
        `${key.name}\t${key.prefix}…\t${key.role}\t${key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active'}\tcreated ${key.createdAt.toISOString()}`,
      );
    }
  });
} else if (command === 'revoke') {
  const { name } = options(rest, ['name']);
  if (!name) fail('--name is required');
  withDatabase(async (dataSource, logger) => {
    await runPendingMigrations(dataSource, logger);
    await dataSource.transaction(async (manager) => {
      const apiKey = await manager.getRepository(ApiKey).findOneBy({ name });
      if (!apiKey) throw new Error(`no API key is named ${JSON.stringify(name)}; \`npm run keys -- list\` shows them`);
      if (apiKey.revokedAt) {
        console.log(`"${name}" was already revoked`);
        return;
      }
      const before = await snapshotRecord(manager, 'api_key', apiKey.key);
      await revokeApiKey(manager, apiKey);
      await appendAuditEntry(manager, {
        actorName: commandLineActor,
        actorKey: null,
        action: 'keys revoke',
        recordType: 'ApiKey',
        recordKey: apiKey.key,
        before,
        after: await snapshotRecord(manager, 'api_key', apiKey.key),
        requestId: null,
      });
      console.log(`Revoked "${name}"`);
    });
  });
} else {
  fail(command ? `unknown command ${JSON.stringify(command)}` : 'a command is required');
}
