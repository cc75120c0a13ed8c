/**
 * The pre-token-generation trigger: what a workforce access token says about its holder comes from
 * groups and administrator-only attributes, never from what the user can change.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/workforce-token/handler';
import { scopeClaims, workforceRoles, workforceScope } from '../../functions/core/workforce-identity';
import { referrerKinds } from '../../schemas/services';

const triggerEvent = (groups: string[], attributes: Record<string, string>): PreTokenGenerationV2TriggerEvent => ({
  version: '2',
  triggerSource: 'TokenGeneration_HostedAuth',
  region: 'eu-north-1',
  userPoolId: 'eu-north-1_pool',
  userName: 'anna',
  callerContext: { awsSdkVersion: 'x', clientId: 'client-1' },
  request: { userAttributes: { sub: 'u-1', ...attributes }, groupConfiguration: { groupsToOverride: groups } },
  response: { claimsAndScopeOverrideDetails: {} },
});

const accessToken = async (groups: string[], attributes: Record<string, string>) =>
  (await handler(triggerEvent(groups, attributes))).response.claimsAndScopeOverrideDetails.accessTokenGeneration!;

describe('workforce access-token trigger', () => {
  it('knows every referring organisation as a role, staff, and the archivist', () => {
    expect([...workforceRoles].sort()).toEqual(['staff', 'archivist', ...referrerKinds].sort());
  });

  it('gives the archivist neither services nor an organisation, whatever the attributes say (docs/retention.md)', async () => {
    const token = await accessToken(['archivist'], { name: 'Līga', 'custom:services': 'social-rehabilitation', 'custom:organisation': 'riga' });
    expect(token.claimsToAddOrOverride).toEqual({ name: 'Līga' });
    expect(token.scopesToAdd).toEqual([workforceScope]);
  });

  it("gives staff their services (known ones only), verified e-mail, name and the workforce scope", async () => {
    const token = await accessToken(['staff'], {
      name: 'Anna Ozola',
      email: 'anna@siva.gov.lv',
      email_verified: 'true',
      'custom:services': 'social-rehabilitation,vehicle-adaptation,made-up',
      'custom:organisation': 'riga',
    });
    expect(token.claimsToAddOrOverride).toEqual({
      name: 'Anna Ozola',
      email: 'anna@siva.gov.lv',
      email_verified: true,
      [scopeClaims.services]: ['social-rehabilitation', 'vehicle-adaptation'],
    });
    expect(token.scopesToAdd).toEqual([workforceScope]);
  });

  it.each(referrerKinds)('gives an officer (%s) their organisation and no services', async (kind) => {
    const token = await accessToken([kind], {
      email: 'ilze@tukums.lv',
      email_verified: 'false',
      'custom:organisation': 'tukums',
      'custom:services': 'social-rehabilitation',
    });
    expect(token.claimsToAddOrOverride).toEqual({ email: 'ilze@tukums.lv', email_verified: false, [scopeClaims.organisation]: 'tukums' });
    expect(token.scopesToAdd).toEqual([workforceScope]);
  });

  it('gives an officer their organisation without spaces around it, and no organisation claim when none is recorded', async () => {
    expect((await accessToken(['nva'], { 'custom:organisation': '  nva-riga ' })).claimsToAddOrOverride).toEqual({ [scopeClaims.organisation]: 'nva-riga' });
    expect((await accessToken(['nva'], { 'custom:organisation': '   ' })).claimsToAddOrOverride).not.toHaveProperty(scopeClaims.organisation);
    expect((await accessToken(['nva'], {})).claimsToAddOrOverride).not.toHaveProperty(scopeClaims.organisation);
  });

  it('gives a user in no role group no scope and no claims, whatever the attributes say', async () => {
    const token = await accessToken(['admins'], { name: 'X', 'custom:services': 'social-rehabilitation', 'custom:organisation': 'riga' });
    expect(token.claimsToAddOrOverride).toEqual({});
    expect(token.scopesToAdd).toEqual([]);
  });
});
