/**
 * What a bundle is made of, read from the source map the stack ships next to
 * it: every generated character is attributed to the source of the mapping
 * segment covering it (the method of source-map-explorer), then summed per npm
 * package, or per folder for our own code. Measures the minified artifact itself.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { repositoryRoot } from '../../local/paths';

const unmapped = '(esbuild runtime, banner)';
const base64Digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping segment: base64 VLQ numbers (generated column, source, line, column[, name]), each relative. */
const decodeSegment = (segment: string): number[] => {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64Digits.indexOf(char);
    if (digit < 0) throw new Error(`Bad source map character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
};

/** `…/node_modules/@aws-sdk/client-dynamodb/dist-es/x.js` → `@aws-sdk/client-dynamodb`; our files → their folder. */
const groupOf = (source: string, mapDirectory: string): string => {
  const parts = source.split('/');
  const nodeModules = parts.lastIndexOf('node_modules');
  if (nodeModules >= 0) {
    const name = parts[nodeModules + 1] ?? '?';
    return name.startsWith('@') ? `${name}/${parts[nodeModules + 2] ?? '?'}` : name;
  }
  return dirname(relative(repositoryRoot, resolve(mapDirectory, source))) || '.';
};

/** Minified characters per package / folder. */
export const compositionOf = (bundleFile: string): Map<string, number> => {
  const lines = readFileSync(bundleFile, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const groups = map.sources.map((source) => groupOf(source, dirname(bundleFile)));
  const sizes = new Map<string, number>();
  const add = (group: string, size: number) => size > 0 && sizes.set(group, (sizes.get(group) ?? 0) + size);

  let sourceIndex = 0; // relative across the whole mapping, unlike the generated column
  const mappedLines = map.mappings.split(';');
  mappedLines.forEach((lineMappings, lineIndex) => {
    const lineLength = lines[lineIndex]?.length ?? 0;
    let column = 0;
    let covered = 0;
    let group = unmapped;
    for (const segment of lineMappings.split(',')) {
      if (!segment) continue;
      const fields = decodeSegment(segment);
      column += fields[0]!;
      add(group, column - covered);
      covered = column;
      if (fields.length >= 4) {
        sourceIndex += fields[1]!;
        group = groups[sourceIndex] ?? unmapped;
      } else {
        group = unmapped;
      }
    }
    add(group, lineLength - covered);
  });
  for (const line of lines.slice(mappedLines.length)) add(unmapped, line.length);
  return sizes;
};

/** The groups that grow most from `baseline` to `bundle`, largest first. */
export const largestAdditions = (bundle: Map<string, number>, baseline: Map<string, number>, count: number) =>
  [...bundle]
    .map(([group, size]) => ({ group, added: size - (baseline.get(group) ?? 0) }))
    .filter(({ added }) => added > 0)
    .sort((a, b) => b.added - a.added)
    .slice(0, count);
