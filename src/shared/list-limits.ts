/**
 * How long a plain (unpaged) list of related records may be: the themes, districts or
 * networks of one brief, lesson or meeting. Writes and imports refuse more, the read
 * engine reads no more (src/read/compiler.ts), and the node budget counts exactly this
 * many (src/shared/query-cost.ts), so the budget is an upper bound whatever the data.
 */
export const maximumRelatedRecords = 100;

/** A meeting's agenda topics and materials, each (the meeting inputs and the seed format refuse more). */
export const maximumMeetingParts = 200;

/**
 * The most IDs one relation change (or one create) may name (src/mutation/record-mutations.ts), such as a brief's
 * buildsOnIds; seed files and imports hold such lists to the same length (a brief's buildsOn, a network's members).
 */
export const maximumRelationChanges = 1000;
