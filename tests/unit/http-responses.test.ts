/**
 * Answers several routes share (functions/http/responses.ts): a draft as its owner reads it, and an upload's check
 * as its uploader reads it, each in the caller's language.
 */
import { describe, expect, it } from 'vitest';
import type { DraftView } from '../../functions/core/drafts';
import { draftResponse, uploadStatusResponse } from '../../functions/http/responses';
import { violation } from '../../schemas/messages';

describe('a draft as its owner reads it', () => {
  const view: DraftView = {
    id: 'd-1',
    serviceId: 'driving-training',
    version: 4,
    createdAt: '2026-11-01T10:00:00.000Z',
    savedAt: '2026-11-02T10:00:00.000Z',
    expiresAt: '2026-12-02T10:00:00.000Z',
    content: { serviceId: 'driving-training' },
    errors: [violation(['applicant', 'phone'], 'phone')],
    unknownFields: [],
    formChanged: false,
  };

  it("carries its field errors in the caller's language and its version as the ETag of the next save", () => {
    const response = draftResponse(200, view, 'en');
    expect(response.statusCode).toBe(200);
    expect(response.headers).toEqual({ etag: '"4"' });
    expect(response.body).toEqual({
      ...view,
      errors: [{ field: 'applicant.phone', pointer: '/applicant/phone', code: 'phone', message: 'Enter a phone number of 8 to 15 digits, for example +371 20000000.' }],
    });
    expect(draftResponse(201, view, 'lv', { location: '/drafts/d-1' })).toMatchObject({
      statusCode: 201,
      headers: { etag: '"4"', location: '/drafts/d-1' },
      body: { errors: [{ message: 'Ievadiet tālruņa numuru ar 8 līdz 15 cipariem, piemēram, +371 20000000.' }] },
    });
  });
});

describe("an upload's check as its uploader reads it", () => {
  it('says what to do about a rejected file, in the caller’s language', () => {
    const rejected = uploadStatusResponse({ uploadId: 'u-1', state: 'rejected', reason: 'encrypted_pdf' }, 'en');
    expect(rejected).toEqual({
      statusCode: 200,
      headers: {},
      body: {
        uploadId: 'u-1',
        state: 'rejected',
        reason: {
          code: 'encrypted_pdf',
          message: 'The PDF is password-protected, so the agency cannot open it. Save it without a password and upload it again.',
        },
      },
    });
    expect(uploadStatusResponse({ uploadId: 'u-1', state: 'rejected', reason: 'malware' }, 'lv').body).toMatchObject({
      reason: { code: 'malware', message: expect.stringContaining('ļaunatūra') },
    });
  });

  it('has no reason while the file is pending or once it is clean', () => {
    expect(uploadStatusResponse({ uploadId: 'u-1', state: 'pending' }, 'en').body).toEqual({ uploadId: 'u-1', state: 'pending' });
    expect(uploadStatusResponse({ uploadId: 'u-1', state: 'clean' }, 'lv').body).toEqual({ uploadId: 'u-1', state: 'clean' });
  });
});
