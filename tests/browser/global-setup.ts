/**
 * The browser specs run on the integration specs' local stack (in memory, free ports, the portal on
 * http://localhost:<port>), the same one when both projects run together; the portal is built from the sources the
 * run sees (tests/support/build-web.global-setup.ts).
 */
export { default } from '../integration/global-setup';
