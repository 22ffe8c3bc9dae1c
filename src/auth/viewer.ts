/**
 * Who is making a request: nobody (reads only, published content only) or the holder
 * of an API key. A request that sends a key that is malformed, unknown or revoked is
 * refused as a whole (401), rather than quietly served as anonymous.
 */
import type { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { ApiKey, ApiKeyRole } from './api-key.entity';
import { hashApiKeySecret, isWellFormedApiKeySecret } from './api-key-secret';
import { codedError, ErrorCode } from '../shared/error-codes';

export interface Viewer {
  apiKeyKey: number;
  name: string;
  role: ApiKeyRole;
}

export function unauthenticatedError(message: string): GraphQLError {
  return codedError(ErrorCode.UNAUTHENTICATED, message);
}

export function forbiddenError(message: string): GraphQLError {
  return codedError(ErrorCode.FORBIDDEN, message);
}

/** Reads `Authorization: Bearer <key>`; null when the header is absent. */
export async function authenticate(manager: EntityManager, authorization: string | undefined): Promise<Viewer | null> {
  if (authorization === undefined || authorization === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticatedError('The Authorization header must be "Bearer <API key>"');
  const secret = match[1];
  if (!isWellFormedApiKeySecret(secret)) throw unauthenticatedError('The API key is not valid');
  const apiKey = await manager.getRepository(ApiKey).findOneBy({ secretHash: hashApiKeySecret(secret) });
  if (!apiKey || apiKey.revokedAt !== null) throw unauthenticatedError('The API key is not valid');
  return { apiKeyKey: apiKey.key, name: apiKey.name, role: apiKey.role };
}

const rank: Record<ApiKeyRole, number> = { [ApiKeyRole.EDITOR]: 1, [ApiKeyRole.ADMIN]: 2 };

/** Throws UNAUTHENTICATED without a key and FORBIDDEN when the key's role is below `role`; checked before any record is read. */
export function requireRole(viewer: Viewer | null, role: ApiKeyRole, action: string): Viewer {
  if (!viewer) throw unauthenticatedError(`${action} needs an API key: send "Authorization: Bearer <key>"`);
  if (rank[viewer.role] < rank[role]) throw forbiddenError(`${action} needs an ${role} key; this key is ${viewer.role}`);
  return viewer;
}
