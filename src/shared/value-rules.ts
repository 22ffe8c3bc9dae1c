/**
 * The value rules that both the API (src/mutation/validation.ts) and seed files and imports
 * (src/seed/field-checks.ts) apply: one test and one description per rule, so that what one
 * side accepts the other accepts too, and whatever is exported imports again.
 */
import { stateNames } from './calendar';
import { isSlug, maximumSlugLength } from './slug';

export const maximumWebAddressLength = 2000;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string holds half of a UTF-16 pair on its own: no character at all, which PostgreSQL would store as U+FFFD. */
export function hasLoneSurrogate(value: string): boolean {
  return loneSurrogate.test(value);
}

/**
 * What keeps a string from being text PostgreSQL can store and compare, or undefined: a NUL
 * character (its text types cannot hold one) or a lone surrogate. Said as the rest of a
 * sentence about the value ("field "title" holds …", "Variable "$slug" holds …").
 */
export function textProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'holds a NUL character (U+0000), which text may not contain';
  if (hasLoneSurrogate(value)) return 'holds a lone surrogate (half of a UTF-16 pair, such as \\ud800), which is not a character';
  return undefined;
}

/** A real US state code (or DC, PR), upper case: "CA", not "ca", "ZZ" or "California". */
export function isStateCode(value: unknown): boolean {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value) && Object.hasOwn(stateNames, value);
}

/** An absolute http or https address with a host, written without spaces, storable as text, at most 2,000 characters. */
export function isWebAddress(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > maximumWebAddressLength) return false;
  if (!/^https?:\/\/[^\s\0]+$/.test(value) || hasLoneSurrogate(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** What each rule asks for, as the object of "must be …" in both sides' messages. */
export const valueRuleDescriptions = {
  slug: `a slug (up to ${maximumSlugLength} lower-case letters, digits and single hyphens, such as "district-reform-2019")`,
  stateCode: 'a two-letter state code such as CA',
  webAddress: 'an http(s) URL (absolute, such as "https://example.org/report.pdf")',
} as const;

export { isSlug };
