/** Slugs, the human keys of most records: lower-case words and digits joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The same limit for the API and for seed files, so anything exported imports again. */
export const maximumSlugLength = 120;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= maximumSlugLength && slugPattern.test(value);
}
