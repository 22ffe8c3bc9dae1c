/**
 * Opaque global IDs for the `Node` interface: base64url of "<Type>:<key>".
 * Clients must treat them as opaque; the encoding only has to stay stable.
 */
import { GraphQLError } from 'graphql';

export interface DecodedGlobalId {
  typeName: string;
  key: number;
}

export function encodeGlobalId(typeName: string, key: number): string {
  return Buffer.from(`${typeName}:${key}`, 'utf8').toString('base64url');
}

/** Returns undefined for anything that is not an ID this server could have issued. */
export function tryDecodeGlobalId(globalId: string): DecodedGlobalId | undefined {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) {
    return undefined;
  }
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]*):([1-9]\d{0,14})$/.exec(decoded);
  if (!match) return undefined;
  return { typeName: match[1], key: Number(match[2]) };
}

export function decodeGlobalId(globalId: string, argumentName: string): DecodedGlobalId {
  const decoded = tryDecodeGlobalId(globalId);
  if (!decoded) {
    throw new GraphQLError(`Argument "${argumentName}" is not a valid ID: "${String(globalId).slice(0, 60)}"`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName },
    });
  }
  return decoded;
}
