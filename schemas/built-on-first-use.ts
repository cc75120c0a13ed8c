/**
 * A value built the first time anything reads it, behind the same name and type. zod/mini builds a schema (every
 * object, check and union option) when its module is evaluated, so a function paid at every cold start for every
 * schema its modules could reach, used or not: a read route built the forms, decisions and queries of routes it
 * never serves. Behind this proxy a schema is built when a route parses with it, or when a schema that nests it is
 * built; the same constant is the same object everywhere, so JSON Schema `$ref`s and registries still see one schema
 * (docs/cold-start.md, "Schemas built on first use").
 */
export const builtOnFirstUse = /* @__NO_SIDE_EFFECTS__ */ <Value extends object>(build: () => Value): Value => {
  let value: Value | undefined;
  const built = () => (value ??= build());
  return new Proxy(Object.create(null) as Value, {
    get: (_, key) => Reflect.get(built(), key),
    has: (_, key) => Reflect.has(built(), key),
    set: (_, key, newValue) => Reflect.set(built(), key, newValue),
    ownKeys: () => Reflect.ownKeys(built()),
    // Reported configurable: the proxy's own (empty) target holds none of them, and a proxy may not claim otherwise.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(built(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(built(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(built(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(built()),
  });
};
