/** `npm run schema:emit`: rewrites schema.graphql from the resolvers. */
import 'reflect-metadata';
import { emitSchemaFile, schemaFile } from '../schema';

emitSchemaFile();
console.log(`Wrote ${schemaFile}`);
