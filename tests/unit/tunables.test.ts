/**
 * A number a deployment may tune (pension age, representatives' daily limit, the notifier's deliveries and pauses) has
 * one default and one allowed range: synthesis (infra/settings.ts) and a function's cold start (its environment) agree.
 */
import type { Node } from 'constructs';
import { describe, expect, it } from 'vitest';
import { type TunableName, tunables, tunedValue } from '../../functions/tunables';
import { defaultSettings, readSettings } from '../../infra/settings';

const contextWith = (context: Record<string, unknown>): Node => ({ tryGetContext: (key: string) => context[key] }) as unknown as Node;
const names = Object.keys(tunables) as TunableName[];

describe('tunable settings', () => {
  it.each(names)('%s: synthesis and a cold start fall back to the same default', (name) => {
    expect(readSettings(contextWith({}))[name]).toBe(tunedValue(name, undefined, name));
    expect(defaultSettings[name]).toBe(tunedValue(name, undefined, name));
  });

  it.each(names)('%s: synthesis takes the range a cold start takes, and refuses just outside it', (name) => {
    const { min, max } = tunables[name];
    for (const value of [min, max]) {
      expect(readSettings(contextWith({ [name]: value }))[name]).toBe(value);
      expect(tunedValue(name, String(value), name)).toBe(value);
    }
    for (const value of [min - 1, max + 1, min + 0.5]) {
      expect(() => readSettings(contextWith({ [name]: value }))).toThrow(`Context "${name}" must be a whole number from ${min} to ${max}`);
      expect(() => tunedValue(name, String(value), 'SOME_VARIABLE')).toThrow(`SOME_VARIABLE must be a whole number from ${min} to ${max}`);
    }
  });
});
