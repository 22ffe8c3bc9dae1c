/**
 * Declarative input validation (class-validator) and its translation into user errors
 * whose `field` is the path into the mutation's arguments.
 */
import { registerDecorator, validate, type ValidationArguments, type ValidationError, type ValidationOptions } from 'class-validator';
import { isCalendarDate, isPartialDate } from '../shared/calendar';
import { isSlug, isStateCode, isWebAddress, valueRuleDescriptions } from '../shared/value-rules';
import { checkIdentifier, IdentifierScheme } from '../identifier/identifier-schemes';
import { userError, UserErrorCode, type UserError } from './user-error';

function rule(name: string, message: string, test: (value: unknown, args: ValidationArguments) => boolean) {
  return (options?: ValidationOptions) =>
    (target: object, propertyName: string): void => {
      registerDecorator({ name, target: target.constructor, propertyName, options: { message, ...options }, validator: { validate: test } });
    };
}

export const IsSlug = rule('isSlug', `$property must be ${valueRuleDescriptions.slug}`, (value) => isSlug(value));

export const IsCalendarDate = rule(
  'isCalendarDate',
  '$property must be a real date written YYYY-MM-DD, such as 2019-05-01',
  (value) => typeof value === 'string' && isCalendarDate(value),
);

/** A publication date known to the year, the month or the day. */
export const IsPartialDate = rule(
  'isPartialDate',
  '$property must be a year (2019), a month (2019-05) or a real date (2019-05-01)',
  (value) => typeof value === 'string' && isPartialDate(value),
);

export const IsStateCode = rule('isStateCode', `$property must be ${valueRuleDescriptions.stateCode}`, (value) => isStateCode(value));

export const IsWebAddress = rule('isWebAddress', `$property must be ${valueRuleDescriptions.webAddress}`, (value) => isWebAddress(value));

/** An ORCID iD written 0000-0000-0000-000X whose check digit holds (identifier-schemes.ts has the rule). */
export const IsOrcid = rule(
  'isOrcid',
  '$property must be an ORCID iD written 0000-0000-0000-000X with a valid check digit, such as 0000-0002-1825-0097',
  (value) => {
    if (typeof value !== 'string') return false;
    const checked = checkIdentifier(IdentifierScheme.ORCID, value);
    return 'value' in checked && checked.value === value;
  },
);

/** Text with something in it besides spaces. */
export const IsNotBlank = rule('isNotBlank', '$property must not be empty', (value) => typeof value === 'string' && value.trim().length > 0);

/** Cross-field rule: this date is on or after the date in `otherProperty` (when both are given). */
export function IsOnOrAfter(otherProperty: string, options?: ValidationOptions) {
  return rule('isOnOrAfter', `$property must be on or after ${otherProperty}`, (value, args) => {
    const other = (args.object as Record<string, unknown>)[otherProperty];
    return typeof value !== 'string' || typeof other !== 'string' || value >= other;
  })(options);
}

const codeOfConstraint: Record<string, UserErrorCode> = {
  maxLength: UserErrorCode.TOO_LONG,
  arrayMaxSize: UserErrorCode.TOO_MANY,
  isNotBlank: UserErrorCode.BLANK,
  isNotEmpty: UserErrorCode.BLANK,
  arrayNotEmpty: UserErrorCode.BLANK,
};

function flatten(errors: ValidationError[], path: Array<string | number>): UserError[] {
  return errors.flatMap((error) => {
    const here = [...path, error.property];
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      userError(
        here,
        message.replace(new RegExp(`^${error.property}\\b`), here.slice(1).join('.') || error.property),
        codeOfConstraint[constraint] ?? UserErrorCode.INVALID,
      ),
    );
    return [...own, ...flatten(error.children ?? [], here)];
  });
}

/** Validates an input object; the errors' fields start with `path` (the argument name, usually "input"). */
export async function validateInput(input: object, path: Array<string | number> = ['input']): Promise<UserError[]> {
  const errors = await validate(input, { forbidUnknownValues: false, validationError: { target: false, value: false } });
  return flatten(errors, path);
}
