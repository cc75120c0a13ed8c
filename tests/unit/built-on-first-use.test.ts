import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { builtOnFirstUse } from '../../schemas/built-on-first-use';

describe('a schema built on first use', () => {
  it('is not built until something reads it, and then only once', () => {
    let builds = 0;
    const Name = builtOnFirstUse(() => {
      builds += 1;
      return z.string().check(z.minLength(1));
    });
    expect(builds).toBe(0);
    expect(Name.safeParse('Ilze').success).toBe(true);
    expect(Name.safeParse('').success).toBe(false);
    expect(builds).toBe(1);
  });

  it('nested in another schema, is built when the outer one parses, not when it is declared', () => {
    let builds = 0;
    const Inner = builtOnFirstUse(() => {
      builds += 1;
      return z.strictObject({ code: z.string() });
    });
    const Outer = z.strictObject({ inner: Inner, optional: z.optional(Inner) });
    expect(builds).toBe(0);
    expect(Outer.safeParse({ inner: { code: 'a' } }).success).toBe(true);
    expect(Outer.safeParse({ inner: { code: 1 } }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('reports the same issues as the schema built at once', () => {
    const build = () => z.strictObject({ age: z.number().check(z.minimum(18)), name: z.string() });
    const input = { age: 3, extra: true };
    expect(builtOnFirstUse(build).safeParse(input).error?.issues).toEqual(build().safeParse(input).error?.issues);
  });

  it('shows its shape to spreading and to JSON Schema as the built schema does', () => {
    const Address = builtOnFirstUse(() => z.strictObject({ line: z.string(), postcode: z.optional(z.string()) }));
    expect(Object.keys({ ...Address.shape })).toEqual(['line', 'postcode']);
    expect(z.toJSONSchema(Address)).toEqual(z.toJSONSchema(z.strictObject({ line: z.string(), postcode: z.optional(z.string()) })));
  });

  it('is one schema wherever it is used, so a registry that names it turns every use into a $ref', () => {
    const Shared = builtOnFirstUse(() => z.strictObject({ id: z.string() }));
    const registry = z.registry<{ id: string }>();
    registry.add(Shared, { id: 'Shared' });
    const document = z.toJSONSchema(z.strictObject({ first: Shared, second: Shared }), { metadata: registry }) as Record<string, any>;
    expect(document.properties).toEqual({ first: { $ref: '#/$defs/Shared' }, second: { $ref: '#/$defs/Shared' } });
    expect(document.$defs.Shared.properties).toEqual({ id: { type: 'string' } });
  });
});
