/** `node` and `nodes` are read by the engine: any record type with reads, by global ID. */
import { defineRootReads, nodeReads } from '../read/root-reads';

defineRootReads(nodeReads);
