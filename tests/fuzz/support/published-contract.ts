/**
 * The API's published contract (GET /openapi.json, OpenAPI 3.1 / JSON Schema
 * 2020-12) as validators of an independent implementation (Ajv): what the
 * fuzz judges requests by, instead of the Zod objects the handlers use, so an
 * over-permissive handler schema shows as a request accepted against the
 * contract.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type Validate = (value: unknown) => boolean;

const base = 'https://siva.test/openapi.json';
/** A JSON Pointer token, written into a URI fragment (`/` and `~` escaped, then `{`/`}` percent-encoded). */
const token = (text: string) => encodeURIComponent(text.replaceAll('~', '~0').replaceAll('/', '~1'));

export const publishedContract = (openapi: { paths?: Record<string, Record<string, { requestBody?: unknown }>> }) => {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema({ ...openapi, $id: base });
  const at = (pointer: string): Validate => ajv.compile({ $ref: `${base}#${pointer}` });
  return {
    /** A schema of `components.schemas`. */
    named: (name: string): Validate => at(`/components/schemas/${token(name)}`),
    /** The JSON body a route's operation declares, or undefined when it takes none. */
    body: (route: { method: string; path: string }): Validate | undefined => {
      const method = route.method.toLowerCase();
      if (!openapi.paths?.[route.path]?.[method]?.requestBody) return undefined;
      return at(`/paths/${token(route.path)}/${method}/requestBody/content/${token('application/json')}/schema`);
    },
  };
};
