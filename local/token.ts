/**
 * Prints a bearer token for the local stack, and nothing else on stdout:
 *   TOKEN=$(npm run --silent token -- citizen 161175-19997 [email])
 *   npm run --silent token -- staff <user> | archivist <user>
 *   npm run --silent token -- social-service <municipality> [officer] | nva <office> [officer]
 *                             | medical-institution <institution> [doctor] | armed-forces <unit> [officer]
 */
import { createDevIdentityProvider, workforceKinds, type WorkforceKind } from './dev-idp';
import { defaultDataDir, devKeyFile } from './paths';

const usage =
  'usage: npm run --silent token -- citizen <personal-code> [email] | staff <user> | archivist <user> | social-service <municipality> [officer] | nva <office> [officer] | medical-institution <institution> [doctor] | armed-forces <unit> [officer]';

const [kind, who, extra] = process.argv.slice(2);
if (!kind || !who) {
  console.error(usage);
  process.exit(2);
}
const idp = await createDevIdentityProvider(devKeyFile(process.env.LOCAL_DATA_DIR ?? defaultDataDir));
try {
  if (kind === 'citizen') {
    console.log(await idp.citizen(who, extra ? { email: extra } : {}));
  } else if ((workforceKinds as readonly string[]).includes(kind)) {
    console.log(await idp.workforce(kind as WorkforceKind, who, extra ? { officer: extra } : {}));
  } else {
    console.error(usage);
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
