/**
 * Opaque global IDs for the `Node` interface: base64url of "<Type>:<key>".
 * Clients must treat them as opaque; the encoding only has to stay stable.
 */
import { userInputError } from './user-input-error';

export interface DecodedGlobalId {
  typeName: string;
  key: number;
}

/** Database keys are PostgreSQL integers. */
export const maximumKey = 2_147_483_647;

export function encodeGlobalId(typeName: string, key: number): string {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

/** Returns undefined for anything that is not an ID this server could have issued. */
export function tryDecodeGlobalId(globalId: string): DecodedGlobalId | undefined {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) {
    return undefined;
  }
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]*):([1-9]\d{0,9})$/.exec(decoded);
  if (!match || Number(match[2]) > maximumKey) return undefined;
  return { typeName: match[1], key: Number(match[2]) };
}

export function decodeGlobalId(globalId: string, argumentName: string): DecodedGlobalId {
  const decoded = tryDecodeGlobalId(globalId);
  if (!decoded) throw userInputError(argumentName, `is not a valid ID: "${String(globalId).slice(0, 60)}"`);
  return decoded;
}

/** Decodes IDs that must all be of one type (say, Theme IDs in a theme filter) into database keys. */
export function decodeGlobalIdsOf(typeName: string, globalIds: readonly string[], argumentName: string): number[] {
  return globalIds.map((globalId, index) => {
    const where = `${argumentName}[${index}]`;
    const decoded = decodeGlobalId(globalId, where);
    if (decoded.typeName !== typeName) throw userInputError(where, `must be the ID of a ${typeName}, got the ID of a ${decoded.typeName}`);
    return decoded.key;
  });
}
