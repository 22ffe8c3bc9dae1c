/** The parts of citation-js that Briefgraph uses (the packages ship no type declarations). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Array<Record<string, any>>;
    format(format: string, options?: Record<string, unknown>): string;
    static async(data: unknown): Promise<Cite>;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, style: string): void; has(name: string): boolean; list(): string[] };
        locales: { has(name: string): boolean };
      };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module 'jsonld' {
  const jsonld: {
    expand(input: unknown, options?: Record<string, unknown>): Promise<Array<Record<string, unknown>>>;
    compact(input: unknown, context: unknown, options?: Record<string, unknown>): Promise<Record<string, unknown>>;
    toRDF(input: unknown, options?: Record<string, unknown>): Promise<unknown>;
  };
  export default jsonld;
}
