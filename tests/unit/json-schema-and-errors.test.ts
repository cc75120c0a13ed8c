/**
 * Two small pieces every answer goes through: the JSON Schema generator (functions/core/json-schema.ts) that the
 * catalogue and the OpenAPI document publish with, and the domain error the HTTP layer maps to problem+json
 * (functions/core/errors.ts).
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DomainError, forbidden, isDomainError, notEligible, notFound, unauthorized, validationFailed } from '../../functions/core/errors';
import { namedJsonSchemas, sharedDefinitions, standaloneJsonSchema } from '../../functions/core/json-schema';
import { IsoDate } from '../../schemas/primitives';

describe('the JSON Schema of a request', () => {
  const Request = z.strictObject({ on: IsoDate, note: z._default(z.string(), 'none'), when: z.optional(z.date()) });

  it('is a draft 2020-12 document describing what a client sends, shared parts under $defs', () => {
    const schema = standaloneJsonSchema(Request);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties).toMatchObject({ on: { $ref: '#/$defs/IsoDate' } });
    expect(schema.$defs).toHaveProperty('IsoDate');
    // Input: a member with a default need not be sent.
    expect(schema.required).toEqual(['on']);
  });

  it('describes what JSON Schema cannot say as anything, rather than failing', () => {
    expect((standaloneJsonSchema(Request).properties as Record<string, unknown>).when).toEqual({});
  });

  it('named schemas refer to each other under the base given, without $schema or $id of their own', () => {
    const schemas = namedJsonSchemas({ Request }, '#/components/schemas/');
    expect(Object.keys(schemas).sort()).toEqual([...Object.keys(sharedDefinitions), 'Request'].sort());
    expect(schemas.Request).toMatchObject({ properties: { on: { $ref: '#/components/schemas/IsoDate' } } });
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty('$schema');
      expect(schema).not.toHaveProperty('$id');
    }
  });
});

describe('a domain error', () => {
  it('carries its kind, its field messages and any extra members, named for the logs', () => {
    const error = new DomainError('conflict', [{ path: ['x'], code: 'stale_version' }], { currentVersion: 2 });
    expect(error).toMatchObject({ name: 'DomainError', message: 'conflict', kind: 'conflict', violations: [{ path: ['x'], code: 'stale_version' }], extensions: { currentVersion: 2 } });
    expect(new DomainError('not-found')).toMatchObject({ violations: [], extensions: {} });
  });

  it('has a maker per common meaning, and is told apart from any other error', () => {
    const violations = [{ path: ['a'], code: 'required' as const }];
    expect([validationFailed(violations), notEligible(violations)].map(({ kind, violations: found }) => [kind, found])).toEqual([
      ['validation', violations],
      ['not-eligible', violations],
    ]);
    expect([notFound(), unauthorized(), forbidden()].map(({ kind }) => kind)).toEqual(['not-found', 'unauthorized', 'forbidden']);
    expect(isDomainError(notFound())).toBe(true);
    expect(isDomainError(Object.assign(new Error('not-found'), { kind: 'not-found' }))).toBe(false);
  });
});
