/**
 * The one JSON Schema generator: the catalogue publishes each service form
 * with it and the OpenAPI document publishes every request and response with
 * it, so both describe the very Zod schemas the handlers validate with.
 *
 * What a Zod schema checks that JSON Schema cannot say (refinements such as
 * the personal-code checksum) is left out, so a published schema is a
 * necessary condition for acceptance and the API answers the rest with field
 * errors. One caveat: text is described as the API keeps it, trimmed, so a
 * client should trim before validating.
 */
import * as z from 'zod/mini';
import { Applicant, Declarations, IsoDate, Representative } from '../../schemas/primitives';

export type JsonSchema = Record<string, unknown>;
type Schema = z.ZodMiniType;

/**
 * Parts every service form repeats, published once under these names (as
 * `$defs` of a form, as components of the OpenAPI document): without them each
 * form would repeat the applicant and the long date pattern per track.
 */
export const sharedDefinitions: Readonly<Record<string, Schema>> = { Applicant, Representative, Declarations, IsoDate };

const options = {
  target: 'draft-2020-12',
  // Requests are what clients send; for responses input and output coincide, and
  // input leaves plain objects open to new members (no `additionalProperties: false`).
  io: 'input',
  // A schema type JSON Schema cannot express must not take the function down at cold start;
  // a test converts every published schema strictly so none slips in unnoticed.
  // Patterns are published as they are: JSON Schema has no regex flags, so our patterns use none
  // (a spec checks a lowercase VIN passes both the API and the published schema).
  unrepresentable: 'any',
} as const;

/** A registry naming schemas, so the generator emits `$ref`s to them instead of copies. */
const namesFor = (named: Readonly<Record<string, Schema>>) => {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  return registry;
};

/** A self-contained draft 2020-12 document for one schema, shared parts under `$defs`. */
export const standaloneJsonSchema = (schema: Schema): JsonSchema =>
  z.toJSONSchema(schema, { ...options, metadata: namesFor(sharedDefinitions) }) as JsonSchema;

/**
 * Several named schemas that refer to each other by `${refBase}${name}` (for
 * OpenAPI: `#/components/schemas/`), each without `$schema` and `$id`, as a
 * document embedding them expects. The shared definitions are always among them.
 */
export const namedJsonSchemas = (named: Readonly<Record<string, Schema>>, refBase: string): Record<string, JsonSchema> => {
  const { schemas } = z.toJSONSchema(namesFor({ ...sharedDefinitions, ...named }), { ...options, uri: (id) => `${refBase}${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as JsonSchema]),
  );
};
