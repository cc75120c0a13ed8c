/** nunjucks' runtime-only build has the full package's runtime API (functions/web/render.ts). */
declare module 'nunjucks/browser/nunjucks-slim.js' {
  import nunjucks from 'nunjucks';
  export default nunjucks;
}
