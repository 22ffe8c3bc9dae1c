/**
 * Why every record type names its kind after itself (`briefKind`, `districtKind`, …): each
 * kind is an enum of its own, and GraphQL refuses two fields of one response name with
 * different enum types in one selection, so a plain `kind` on every type broke the natural
 * selection of `SearchResult` and `Node`. The old `kind` fields stay, deprecated, until a
 * release has given clients time to move (tests/schema-changes.test.ts).
 */
export function kindDeprecation(replacement: string): string {
  return `Use \`${replacement}\`: \`kind\` has a different enum type on each record type, so it cannot be selected on several of them (a search result, a \`Node\`) in one selection.`;
}
