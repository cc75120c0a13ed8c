/**
 * The published contract against the running local stack: the documents are
 * public through the gateway, and what the stored-data routes really answer
 * fits the schemas the served OpenAPI document publishes for them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { rigaDate } from '../../functions/core/dates';
import { freshPersonalCode, referralOf, validForm } from '../support/service-forms';
import { api, tokens, type ApiResponse } from './support/local';

// ajv-formats is CommonJS with a default export.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

const today = rigaDate(new Date());
let conforms: (schemaName: string, response: ApiResponse) => void;

beforeAll(async () => {
  const served = await api('/openapi.json');
  // Zod publishes a union of primitives as a `type` list: valid JSON Schema that ajv's strict mode wants allowed.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword('components');
  ajv.addSchema({ $id: 'https://e.siva.test/openapi.json', components: served.body.components });
  conforms = (schemaName, response) => {
    const validate = ajv.compile({ $ref: `https://e.siva.test/openapi.json#/components/schemas/${schemaName}` });
    expect(validate(response.body), `${schemaName}: ${JSON.stringify(validate.errors)}`).toBe(true);
  };
});

describe('the public documents through the gateway', () => {
  it('serve the catalogue and the OpenAPI document without a token, cacheable for five minutes', async () => {
    for (const path of ['/services', '/openapi.json']) {
      const response = await api(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    }
    conforms('ServiceCatalogue', await api('/services'));
  });
});

describe('what the routes answer fits what the document says', () => {
  it('for a citizen: receipt, list, application and a duplicate refused', async () => {
    const token = await (await tokens()).citizen(freshPersonalCode());
    const form = validForm('vocational-suitability', 'disability', today);
    const created = await api('/applications', { token, json: form, headers: { 'idempotency-key': `catalogue-${freshPersonalCode()}` } });
    expect(created.status).toBe(201);
    conforms('Receipt', created);
    conforms('ApplicationPage', await api('/applications?limit=5', { token }));
    conforms('ApplicationView', await api(created.body.links.self, { token }));

    const duplicate = await api('/applications', { token, json: form });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.openApplication).toMatchObject({ id: created.body.id });
    conforms('ProblemDetails', duplicate);
  });

  it('for a referring officer: receipt, list and referral', async () => {
    const token = await (await tokens()).workforce('medical-institution', `clinic-${freshPersonalCode()}`);
    const referral = referralOf(validForm('early-intervention', 'after-acute-event', today), freshPersonalCode(), today, { doctorName: 'Dr. Ozola' });
    const created = await api('/referrals', { token, json: referral });
    expect(created.status).toBe(201);
    conforms('Receipt', created);
    conforms('ReferralPage', await api('/referrals', { token }));
    const view = await api(created.body.links.self, { token });
    conforms('ReferralView', view);
    expect(view.body).toHaveProperty('earlyInterventionWindow');
  });
});
