/**
 * Every project's specs run against the portal built from the sources this run sees: the templates, theme and asset
 * names are build output, not kept in git (local/build-web.ts).
 */
import { buildWeb } from '../../local/build-web';

export default function setup() {
  buildWeb();
}
