import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root (handler entries in infra/routes.ts are relative to it). */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
/** Local data that survives restarts; git-ignored. */
export const defaultDataDir = join(repositoryRoot, '.local');
export const devKeyFile = (dataDir: string) => join(dataDir, 'dev-idp-key.json');
