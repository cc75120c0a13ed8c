/**
 * Prints a bearer token for the local stack, and nothing else on stdout:
 *   TOKEN=$(npm run --silent token -- citizen 161175-19997 [email])
 *   npm run --silent token -- staff <user> | social-service <municipality> | nva <office> | medical-institution <institution>
 */
import { createDevIdentityProvider, type WorkforceKind } from './dev-idp';
import { defaultDataDir, devKeyFile } from './paths';

const usage =
  'usage: npm run --silent token -- citizen <personal-code> [email] | staff <user> | social-service <municipality> | nva <office> | medical-institution <institution>';
const workforceKinds: readonly WorkforceKind[] = ['staff', 'social-service', 'nva', 'medical-institution'];

const [kind, who, email] = process.argv.slice(2);
if (!kind || !who) {
  console.error(usage);
  process.exit(2);
}
const idp = await createDevIdentityProvider(devKeyFile(process.env.LOCAL_DATA_DIR ?? defaultDataDir));
try {
  if (kind === 'citizen') {
    console.log(await idp.citizen(who, email ? { email } : {}));
  } else if ((workforceKinds as readonly string[]).includes(kind)) {
    console.log(await idp.workforce(kind as WorkforceKind, who));
  } else {
    console.error(usage);
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
