/** How API keys are read (admins only; never their secret or its hash), and the root list `apiKeys`. */
import { defineReads } from '../read/record-reads';
import { adminOnly, defineRootReads, rootList } from '../read/root-reads';
import { ApiKey } from './api-key.entity';

export const apiKeyReads = defineReads({
  typeName: 'ApiKey',
  entity: ApiKey,
  table: 'public.api_key',
  adminOnly: true,
  fields: {
    createdAt: { kind: 'expression', sql: (row) => `${row}.created_at` },
  },
});

defineRootReads({
  apiKeys: adminOnly(
    rootList(
      () => apiKeyReads,
      (alias) => `${alias}.name, ${alias}.id`,
    ),
  ),
});
