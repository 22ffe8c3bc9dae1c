/** type-graphql's `@Authorized(role)`: the role a field needs, checked before its resolver runs. */
import type { AuthChecker } from 'type-graphql';
import type { RequestContext } from '../context';
import { ApiKeyRole } from './api-key.entity';
import { requireRole } from './viewer';

export const authChecker: AuthChecker<RequestContext> = ({ context, info }, roles) => {
  const role = roles.includes(ApiKeyRole.EDITOR) ? ApiKeyRole.EDITOR : ApiKeyRole.ADMIN;
  requireRole(context.viewer, role, `\`${info.fieldName}\``);
  return true;
};
