/** Database URLs are printed in messages and logs; their passwords never are. Used by the logger and the configuration alike, so it depends on neither. */

/** The URL with any password replaced, safe to print. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
