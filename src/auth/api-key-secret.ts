/**
 * API key secrets: "bgk_" and 43 characters of base64url (256 random bits). Only the
 * SHA-256 of a secret is stored; the first characters are kept as its visible prefix.
 */
import { createHash, randomBytes } from 'node:crypto';

const secretPattern = /^bgk_[A-Za-z0-9_-]{43}$/;
const prefixLength = 12;

export function generateApiKeySecret(): string {
  return `bgk_${randomBytes(32).toString('base64url')}`;
}

export function isWellFormedApiKeySecret(secret: string): boolean {
  return secretPattern.test(secret);
}

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function apiKeyPrefix(secret: string): string {
  return secret.slice(0, prefixLength);
}
