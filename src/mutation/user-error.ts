/**
 * Problems a mutation reports in its payload rather than as errors: the input broke a
 * rule the client can fix. `field` is the path into the arguments, such as
 * ["input", "materials", "2", "url"].
 */
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID = 'INVALID',
  BLANK = 'BLANK',
  TOO_LONG = 'TOO_LONG',
  TOO_MANY = 'TOO_MANY',
  TAKEN = 'TAKEN',
  NOT_FOUND = 'NOT_FOUND',
  IN_USE = 'IN_USE',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'What kind of rule the input broke.',
  valuesConfig: {
    INVALID: { description: 'The value has the wrong form or breaks a rule between fields.' },
    BLANK: { description: 'The value is required and was empty or null.' },
    TOO_LONG: { description: 'The text is longer than allowed.' },
    TOO_MANY: { description: 'The list has more items than allowed.' },
    TAKEN: { description: 'Another record already has this unique value (slug, number, name).' },
    NOT_FOUND: { description: 'No record has this ID (or it is not one you can see).' },
    IN_USE: { description: 'Other records still refer to this one, so it cannot be deleted.' },
    VERSION_CONFLICT: { description: 'The record changed since the version you expected; read it again and retry.' },
  },
});

@ObjectType({ description: "A problem with the input of a mutation; nothing was written. A value with no id: part of one mutation's answer." })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the argument or input field at fault, when there is one.' })
  field!: string[] | null;

  @Field({ description: 'What was wrong, in words for a person.' })
  message!: string;

  @Field(() => UserErrorCode, { description: 'What kind of rule the input broke.' })
  code!: UserErrorCode;
}

export function userError(field: Array<string | number> | null, message: string, code: UserErrorCode = UserErrorCode.INVALID): UserError {
  return Object.assign(new UserError(), { field: field?.map(String) ?? null, message, code });
}
