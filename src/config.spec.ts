import { ConfigurationError, loadConfig } from './config';
import { redactDatabaseUrl } from './shared/redact-database-url';

describe('loadConfig', () => {
  it('has defaults that need nothing installed', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, seedOnStart: 'if-empty', logLevel: 'info', shutdownTimeoutMilliseconds: 10_000 });
    expect(config.dataDirectory).toMatch(/\.data$/);
  });

  it('names the variable and the expected form of every bad value', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(new ConfigurationError('PORT must be between 0 and 65535, got 70000'));
    expect(() => loadConfig({ PORT: '-1' })).toThrow('PORT must be a whole number between 0 and 65535, got "-1"');
    expect(() => loadConfig({ SEED_ON_START: 'sometimes' })).toThrow('SEED_ON_START must be one of if-empty, always, never, got "sometimes"');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow('DATABASE_URL must start with postgresql:// or postgres://, got "mysql://"');
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL is not a valid URL/);
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'briefgraph.example.org' })).toThrow(
      /PUBLIC_BASE_URL must be an http\(s\) address such as https:\/\/briefgraph\.example\.org/,
    );
  });

  it('reads the public address and the citation styles folder', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://briefgraph.example.org/' }).publicBaseUrl).toBe('https://briefgraph.example.org');
    expect(loadConfig({ CITATION_STYLES_DIR: 'styles' }).citationStylesDirectory).toMatch(/\/styles$/);
    expect(loadConfig({})).toMatchObject({ publicBaseUrl: undefined, citationStylesDirectory: undefined });
  });

  it('never prints a database password', () => {
    expect(redactDatabaseUrl('postgresql://user:s3cret@db.example:5432/kb')).toBe('postgresql://user:***@db.example:5432/kb');
  });
});
