import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { accessTokenAdditions } from '../core/workforce-identity';

/**
 * Cognito pre-token-generation trigger (V2_0 event): puts the caller's role scope into the access
 * token from groups and administrator-only attributes (docs/identity.md). The ID token is left as
 * Cognito builds it: the API does not accept ID tokens.
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> => {
  const { claims, scopes } = accessTokenAdditions({
    groups: event.request.groupConfiguration.groupsToOverride ?? [],
    attributes: event.request.userAttributes,
  });
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: {
          // The type says strings; the V2_0 event takes booleans and string arrays as well.
          claimsToAddOrOverride: claims as unknown as Record<string, string>,
          scopesToAdd: [...scopes],
        },
      },
    },
  };
};
