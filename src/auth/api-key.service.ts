/** Creating, listing and revoking API keys; used by the admin mutations and `npm run keys`. */
import type { EntityManager } from 'typeorm';
import { ApiKey, ApiKeyRole } from './api-key.entity';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret, isWellFormedApiKeySecret } from './api-key-secret';

/** Key names: up to 100 letters, digits, spaces, ".", "_" or "-", starting with a letter or digit. */
export const apiKeyNamePattern = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;

export interface CreatedApiKey {
  apiKey: ApiKey;
  /** Shown once; only its hash is stored. */
  secret: string;
}

export async function isApiKeyNameTaken(manager: EntityManager, name: string): Promise<boolean> {
  return manager.getRepository(ApiKey).existsBy({ name });
}

export async function createApiKey(manager: EntityManager, name: string, role: ApiKeyRole, secret = generateApiKeySecret()): Promise<CreatedApiKey> {
  const repository = manager.getRepository(ApiKey);
  const apiKey = await repository.save(repository.create({ name, role, prefix: apiKeyPrefix(secret), secretHash: hashApiKeySecret(secret), revokedAt: null }));
  return { apiKey: (await repository.findOneBy({ key: apiKey.key }))!, secret };
}

export async function revokeApiKey(manager: EntityManager, apiKey: ApiKey): Promise<ApiKey> {
  if (apiKey.revokedAt === null) await manager.query(`UPDATE api_key SET revoked_at = now(), updated_at = now() WHERE id = $1`, [apiKey.key]);
  return (await manager.getRepository(ApiKey).findOneBy({ key: apiKey.key }))!;
}

export function listApiKeys(manager: EntityManager): Promise<ApiKey[]> {
  return manager.getRepository(ApiKey).find({ order: { name: 'ASC' } });
}

export const bootstrapKeyName = 'bootstrap-admin';

/**
 * Makes ADMIN_API_KEY a working admin key, so a fresh install can make its first
 * writes and create the rest of its keys. Idempotent; a new value replaces the bootstrap
 * key's secret, and a revoked bootstrap secret stays revoked.
 */
export async function ensureBootstrapAdminKey(manager: EntityManager, secret: string): Promise<'created' | 'updated' | 'unchanged' | 'revoked'> {
  if (!isWellFormedApiKeySecret(secret)) throw new Error('the bootstrap admin key is not a well-formed key (config.ts checks ADMIN_API_KEY)');
  const secretHash = hashApiKeySecret(secret);
  const existing = await manager.getRepository(ApiKey).findOneBy({ name: bootstrapKeyName });
  if (!existing) {
    await createApiKey(manager, bootstrapKeyName, ApiKeyRole.ADMIN, secret);
    return 'created';
  }
  // An admin who revoked this very secret meant it: a restart with the old variable does not bring it back.
  if (existing.secretHash === secretHash && existing.revokedAt !== null) return 'revoked';
  if (existing.secretHash === secretHash && existing.role === ApiKeyRole.ADMIN) return 'unchanged';
  await manager.query(`UPDATE api_key SET secret_hash = $2, prefix = $3, role = 'ADMIN', revoked_at = NULL, updated_at = now() WHERE id = $1`, [
    existing.key,
    secretHash,
    apiKeyPrefix(secret),
  ]);
  return 'updated';
}
