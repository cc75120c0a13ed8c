/**
 * The browser specs run on the integration specs' local stack (in memory, free ports, the portal on
 * http://localhost:<port>), the same one when both projects run together, after building the templates and theme
 * from the sources the run sees.
 */
import type { TestProject } from 'vitest/node';
import { buildWeb } from '../../local/build-web';
import integrationSetup from '../integration/global-setup';

export default function setup(project: TestProject) {
  buildWeb();
  return integrationSetup(project);
}
