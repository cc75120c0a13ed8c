/**
 * The personal-data log audit finds every canary field, in the spellings and encodings a careless log line would
 * carry it: as typed, upper case, without diacritics, escaped, percent-encoded, base64 at any alignment, inside a JWT.
 */
import { describe, expect, it } from 'vitest';
import { canaries, findPersonalData } from '../support/log-audit';
import { canary } from '../support/fixtures';

const fields = Object.keys(canary) as (keyof typeof canary)[];
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const plain = (value: string) => value.normalize('NFD').replace(/\p{Mn}/gu, '');

const foundIn = (line: string) => findPersonalData(line).map(({ what }) => what);

describe('the log audit', () => {
  it('has a search for every canary field the fixtures define', () => {
    expect(Object.keys(canaries).sort()).toEqual([...fields].sort());
  });

  describe.each(fields)('finds the canary %s', (field) => {
    const value = canary[field];
    const what = canaries[field].what;
    const spelled: Record<string, string> = {
      'as typed': `saved ${value} ok`,
      'in upper case': `SAVED ${value.toUpperCase()}`,
      'without diacritics': `saved ${plain(value)}`,
      'as \\u escapes': JSON.stringify({ v: value }).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      'percent-encoded in a URL': `GET /applications?q=${encodeURIComponent(value)}&x=1`,
      'base64 after 0 bytes': `cursor=${Buffer.from(`${JSON.stringify(value)},"n":1}`).toString('base64')}`,
      'base64 after 1 byte': `cursor=${Buffer.from(`{${JSON.stringify(value)},"n":1}`).toString('base64')}`,
      'base64 after 2 bytes': `cursor=${Buffer.from(`[{${JSON.stringify(value)},"n":1}`).toString('base64')}`,
      'inside a JWT': `authorization: Bearer ${base64url('{"alg":"ES256"}')}.${base64url(JSON.stringify({ sub: 'eid-1', [field]: value }))}.c2ln`,
    };
    it.each(Object.entries(spelled))('%s', (_how, line) => {
      expect(foundIn(line)).toContain(what);
    });
  });

  it('finds the phone number however it is spaced or prefixed', () => {
    for (const phone of ['29871234', '+371 2987 1234', '+37129871234', '00371 29871234', '2987-1234', '(+371) 298 71 234']) {
      expect(foundIn(`call ${phone} later`), phone).toContain('the canary phone number');
    }
  });

  it('finds the date of birth in Latvian and compact notation', () => {
    for (const date of ['14.03.1985', '14/03/1985', '19850314']) expect(foundIn(`born ${date}`), date).toContain('the canary date of birth');
  });

  it('does not see the phone number inside longer numbers, nor anything in ordinary lines', () => {
    for (const line of [
      'sequence 000000000129871234000 at 1795452402203',
      'shardId-00000001763915222960-4e6ed5f5 read 3 record(s)',
      '{"level":"info","applicationId":"a60e3cbf-9b27-4102-9161-312345678901","at":"2026-11-23T16:50:33.888Z"}',
      'reference SIVA-2026-000123 registered; postcode LV-1050 of the agency',
    ]) {
      expect(findPersonalData(line), line).toEqual([]);
    }
  });
});
