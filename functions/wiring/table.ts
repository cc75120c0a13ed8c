/**
 * The table every table-using function shares, built once per cold start: the document client and the table's name.
 * Wiring pattern (docs/cold-start.md): one module per dependency under functions/wiring/, each built at
 * import from the checked environment; a handler imports only the modules its route uses, so its bundle holds (and
 * its cold start runs) nothing else.
 */
import { createDocumentClient } from '../adapters/dynamo';
import { readEnvironment } from '../config';

const env = readEnvironment(['tableName']);

export const documentClient = createDocumentClient();
export const tableName = env.tableName;
