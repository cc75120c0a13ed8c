/**
 * Fault drill: personal data never reaches a log line. The canary citizen of
 * fixtures.ts goes through every route, accepted and refused, through a stack
 * of this file whose gateway and stream poller log to the console, with SES
 * down for a while (the notifier logs its retries) and one DynamoDB failure
 * whose error message carries the canary (the 5xx line); and through the
 * shared stack, whose notifier runs in the main process. Every line of the run
 * is captured (tests/support/log-capture.setup.ts): this file checks what was
 * written while it ran, and the log audit checks the whole run at its end.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { routeKey, routes, type RouteDefinition } from '../../infra/routes';
import { watchDynamo, type DynamoWatch } from '../support/dynamo-spy';
import { afterMedicalRehabilitationApplication, canary, canaryContact, daysBefore, functionalImpairmentApplication, uniquePersonalCode } from '../support/fixtures';
import { captureDirVariable, captureFrom, findPersonalData } from '../support/log-audit';
import { referralOf, validForm } from '../support/service-forms';
import { startFaultStack, type FaultStack } from './support/fault-stack';
import { api, emailsAbout, tokens, waitFor } from './support/local';

const today = rigaDate(new Date());
const canaryApplication = () => ({ ...functionalImpairmentApplication(today), applicant: { ...canaryContact } });
/** The canary referred by a social service to a coordinated service (another need than their own application). */
const canaryReferral = () => {
  const form = validForm('coordinated-services', 'addiction-adults', today);
  // The social service's decision number is health-related evidence: a canary of its own.
  const evidence = { ...form.evidence, socialServiceDecisionNumber: canary.documentNumber };
  const referral = referralOf({ ...form, evidence, applicant: { ...canaryContact } } as typeof form, canary.personalCode, today);
  return { ...referral, application: { ...referral.application, applicant: { ...referral.application.applicant, givenName: canary.givenName, familyName: canary.familyName } } };
};

/** The canary filing as the authorised person of someone named with the canary's names. */
const canaryRepresentation = () => ({
  ...canaryApplication(),
  applicant: { ...canaryContact, personalCode: uniquePersonalCode(), givenName: canary.givenName, familyName: canary.familyName },
  representative: { kind: 'authorised-person', document: { type: 'power-of-attorney', number: 'PA-2026-1', issuedOn: today } },
});

describe('the log audit', () => {
  it('finds the canary in any spelling and any valid personal code, and nothing in ordinary log lines', () => {
    const leaks = [
      `{"message":"saved","code":"${canary.personalCode}"}`,
      `applicant ${canary.personalCode.replace('-', '')} saved`,
      JSON.stringify({ name: canary.givenName }).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      `to: ${canary.email.toUpperCase()}`,
      `address=${canary.addressLine}`,
      'person 161175-19997 not found',
      'person 32579461005 not found',
    ];
    const ordinary = [
      '{"level":"warn","message":"notification will be retried","applicationId":"a60e3cbf-9b27-4102-9161-312345678901","eventId":"2026-11-23T16:50:33.888Z#ecad9b44"}',
      'POST /applications 201 12ms 80312146-7743-41d4-af5e-af16a078e230',
      'stream: 2 record(s) dead-lettered after 10 retries (shard shardId-00000001763915222960-4e6ed5f5)',
      'reference SIVA-2026-000123, sequence 000000000000000000123, at 1795452402203',
      'person 161175-19998 has a wrong check digit',
    ];

    for (const line of leaks) expect(findPersonalData(line), line).not.toEqual([]);
    for (const line of ordinary) expect(findPersonalData(line), line).toEqual([]);
  });
});

type Call = [path: string, options: Parameters<FaultStack['api']>[1]];
interface Scene {
  readonly citizen: string;
  readonly officer: string;
  readonly staff: string;
  applicationId: string;
  referralId: string;
  /** The application's (or the referral's) version now, as staff see it. */
  version(id?: string): Promise<number>;
  /** Staff take a decision on the application, or on the referral named (to arrange a later call). */
  decide(decision: Record<string, unknown>, id?: string): Promise<void>;
  /** The citizen files as a representative; the new application's id. */
  represent(): Promise<string>;
  /** The presigned POSTs answered to the citizen and the officer. */
  citizenTicket?: { uploadId: string; url: string; fields: Record<string, string> };
  officerTicket?: { uploadId: string; url: string; fields: Record<string, string> };
  /** The citizen's draft, and the presigned POST answered for it. */
  draftId: string;
  /** A request to the drill's gateway, to arrange a later call. */
  api: FaultStack['api'];
  draftTicket?: { uploadId: string; url: string; fields: Record<string, string> };
  /** Posts the file of a ticket and waits until it is clean (the citizen's; or the officer's, on the referral). */
  uploadClean(ticket: { uploadId: string; url: string; fields: Record<string, string> }, by?: 'officer' | 'draft'): Promise<void>;
  /** The applicant attaches an upload (the application must be waiting for documents). */
  attach(uploadId: string): Promise<void>;
}

/**
 * A call on each route that passes its contract, carrying the canary where the
 * route takes personal data; in this order, so each finds what it needs. A
 * call that would change nothing answers 409 (a notification that never failed).
 * Add one line per new route.
 */
/** A PDF that carries the canary in its bytes (a careless log of a file would show it). */
const canaryPdf = Buffer.from(`%PDF-1.7\n% ${canary.givenName} ${canary.familyName} ${canary.personalCode}\n%%EOF\n`, 'utf8');

const canaryCalls: Record<string, (scene: Scene) => Promise<Call> | Call> = {
  'POST /applications': ({ citizen }) => ['/applications', { token: citizen, json: canaryApplication() }],
  'GET /applications': ({ citizen }) => ['/applications?limit=5', { token: citizen }],
  'GET /applications/{id}': ({ citizen, applicationId }) => [`/applications/${applicationId}`, { token: citizen }],
  'POST /referrals': ({ officer }) => ['/referrals', { token: officer, json: canaryReferral() }],
  'GET /referrals': ({ officer }) => ['/referrals', { token: officer }],
  'GET /referrals/{id}': ({ officer, referralId }) => [`/referrals/${referralId}`, { token: officer }],
  'POST /services/{serviceId}/eligibility': () => ['/services/social-rehabilitation/eligibility', { json: { dateOfBirth: canary.dateOfBirth, evidence: { address: canary.addressLine } } }],
  'GET /services': () => ['/services', {}],
  'GET /openapi.json': () => ['/openapi.json', {}],
  'GET /staff/applications': ({ staff }) => ['/staff/applications?serviceId=social-rehabilitation', { token: staff }],
  'GET /staff/applications/{id}': ({ staff, applicationId }) => [`/staff/applications/${applicationId}`, { token: staff }],
  'POST /staff/applications/{id}/decisions': async ({ staff, applicationId, version }) => [
    `/staff/applications/${applicationId}/decisions`,
    { token: staff, json: { type: 'register', expectedVersion: await version(), reason: `${canary.givenName} ${canary.familyName}, ${canary.addressLine}` } },
  ],
  'POST /applications/{id}/documents': async ({ citizen, applicationId, version, decide }) => {
    await decide({ type: 'request-documents', documents: [`Izziņa par ${canary.addressLine}`], deadline: daysBefore(today, -14) });
    return [
      `/applications/${applicationId}/documents`,
      { token: citizen, json: { expectedVersion: await version(), documents: [{ name: `Izziņa ${canary.givenName} ${canary.familyName}`, sentBy: 'email' }] } },
    ];
  },
  'POST /staff/applications/{id}/representative-confirmation': async ({ staff, represent }) => [
    `/staff/applications/${await represent()}/representative-confirmation`,
    { token: staff, json: { expectedVersion: 1 } },
  ],
  'GET /staff/notifications/failed': ({ staff }) => ['/staff/notifications/failed?serviceId=social-rehabilitation', { token: staff }],
  'GET /staff/notifications/lost-batches': ({ staff }) => ['/staff/notifications/lost-batches?limit=5', { token: staff }],
  'POST /staff/applications/{id}/notifications/resend': ({ staff, applicationId }) => [
    `/staff/applications/${applicationId}/notifications/resend`,
    { token: staff, json: { eventId: 'no-such-event', kind: 'applicant-confirmation' } },
  ],
  'GET /staff/reports/{year}': ({ staff }) => [`/staff/reports/${today.slice(0, 4)}`, { token: staff }],
  'POST /applications/{id}/uploads': async ({ citizen, applicationId, decide }) => {
    await decide({ type: 'request-documents', documents: ['Izziņa'], deadline: daysBefore(today, -14) });
    return [`/applications/${applicationId}/uploads`, { token: citizen, json: { documentType: 'other', fileName: `${canary.givenName} ${canary.familyName}.pdf`, contentType: 'application/pdf', size: canaryPdf.length } }];
  },
  'GET /applications/{id}/uploads/{uploadId}': async ({ citizen, applicationId, citizenTicket, uploadClean }) => {
    await uploadClean(citizenTicket!);
    return [`/applications/${applicationId}/uploads/${citizenTicket!.uploadId}`, { token: citizen }];
  },
  'GET /staff/applications/{id}/attachments/{attachmentId}': async ({ staff, applicationId, citizenTicket, attach }) => {
    await attach(citizenTicket!.uploadId);
    return [`/staff/applications/${applicationId}/attachments/${citizenTicket!.uploadId}`, { token: staff }];
  },
  'POST /referrals/{id}/uploads': ({ officer, referralId }) => [
    `/referrals/${referralId}/uploads`,
    { token: officer, json: { documentType: 'other', fileName: `${canary.familyName} ${canary.personalCode}.pdf`, contentType: 'application/pdf', size: canaryPdf.length } },
  ],
  'GET /referrals/{id}/uploads/{uploadId}': ({ officer, referralId, officerTicket }) => [`/referrals/${referralId}/uploads/${officerTicket!.uploadId}`, { token: officer }],
  'POST /referrals/{id}/documents': async ({ officer, referralId, officerTicket, uploadClean, decide, version }) => {
    await decide({ type: 'register' }, referralId);
    await decide({ type: 'request-documents', documents: [`Izziņa par ${canary.addressLine}`], deadline: daysBefore(today, -14) }, referralId);
    await uploadClean(officerTicket!, 'officer');
    return [
      `/referrals/${referralId}/documents`,
      { token: officer, json: { expectedVersion: await version(referralId), documents: [{ name: `Izziņa ${canary.givenName} ${canary.familyName}`, sentBy: 'upload', uploadId: officerTicket!.uploadId }] } },
    ];
  },
  'GET /referrals/{id}/attachments/{attachmentId}': ({ officer, referralId, officerTicket }) => [`/referrals/${referralId}/attachments/${officerTicket!.uploadId}`, { token: officer }],
  // Drafts: the canary's own draft on another track than their application, saved in full, uploaded to and submitted.
  'POST /drafts': ({ citizen }) => ['/drafts', { token: citizen, json: { serviceId: 'social-rehabilitation', track: 'after-medical-rehabilitation' } }],
  'GET /drafts': ({ citizen }) => ['/drafts', { token: citizen }],
  'PUT /drafts/{id}': ({ citizen, draftId }) => [
    `/drafts/${draftId}`,
    { token: citizen, json: { ...afterMedicalRehabilitationApplication(today), applicant: { ...canaryContact }, [canary.email]: canary.personalCode }, headers: { 'if-match': '"1"' } },
  ],
  'GET /drafts/{id}': ({ citizen, draftId }) => [`/drafts/${draftId}`, { token: citizen }],
  'POST /drafts/{id}/uploads': ({ citizen, draftId }) => [
    `/drafts/${draftId}/uploads`,
    { token: citizen, json: { documentType: 'other', fileName: `${canary.givenName} ${canary.familyName}.pdf`, contentType: 'application/pdf', size: canaryPdf.length } },
  ],
  'GET /drafts/{id}/uploads/{uploadId}': async ({ citizen, draftId, draftTicket, uploadClean }) => {
    await uploadClean(draftTicket!, 'draft');
    return [`/drafts/${draftId}/uploads/${draftTicket!.uploadId}`, { token: citizen }];
  },
  'POST /drafts/{id}/submit': async ({ citizen, draftId, api }) => {
    // The unknown field saved above is no field of the form: the draft is saved again without it.
    const saved = await api(`/drafts/${draftId}`, {
      method: 'PUT',
      token: citizen,
      json: { ...afterMedicalRehabilitationApplication(today), applicant: { ...canaryContact } },
      headers: { 'if-match': '"2"' },
    });
    expect(saved.status, saved.text).toBe(200);
    return [`/drafts/${draftId}/submit`, { token: citizen }];
  },
  'DELETE /drafts/{id}': async ({ citizen, api }) => {
    const other = await api('/drafts', { token: citizen, json: { serviceId: 'vehicle-adaptation', track: 'paid' } });
    expect(other.status, other.text).toBe(201);
    return [`/drafts/${other.body.id}`, { token: citizen }];
  },
  'POST /applications/{id}/withdrawal': async ({ citizen, applicationId, version }) => [
    `/applications/${applicationId}/withdrawal`,
    { token: citizen, json: { expectedVersion: await version(), reason: `${canary.givenName} pārcēlās uz ${canary.addressLine}` } },
  ],
};

const at = (route: Pick<RouteDefinition, 'path'>, value: string) => route.path.replace(/\{\w+\+?\}/g, encodeURIComponent(value));
const sendsBody = (route: Pick<RouteDefinition, 'method'>) => route.method !== 'GET' && route.method !== 'DELETE';

/** Hostile calls any route can be sent (most are refused), each carrying the canary where a careless log line would pick it up. */
const hostileCalls = (route: Pick<RouteDefinition, 'method' | 'path'>, token: string): Call[] => {
  const method = route.method;
  const path = at(route, canary.personalCode);
  const form = canaryApplication();
  return [
    [path, { method, ...(sendsBody(route) && { json: form }) }],
    [`${path}?cursor=${encodeURIComponent(canary.email)}&${encodeURIComponent(canary.givenName)}=${encodeURIComponent(canary.addressLine)}`, { method, token }],
    ...(sendsBody(route)
      ? ([
          [path, { method, token, body: JSON.stringify(form), headers: { 'content-type': 'text/plain' } }],
          [path, { method, token, body: `{"personalCode": "${canary.personalCode}", "email": "${canary.email}",` }],
          [path, { method, token, json: { ...form, padding: canary.addressLine.repeat(5000) } }],
          [path, { method, token, json: { ...form, [canary.email]: canary.personalCode } }],
          [path, { method, token, json: { ...form, applicant: { ...form.applicant, email: canary.givenName, phone: canary.personalCode } } }],
        ] as Call[])
      : []),
  ];
};

describe('personal data on every route, accepted, refused or failing', () => {
  let stack: FaultStack;
  let dynamo: DynamoWatch;
  beforeAll(async () => {
    stack = await startFaultStack({ log: (line) => console.log(line), notificationRetryBaseMs: 20, notificationMaxDeliveries: 30, streamRetryAttempts: 30 });
    dynamo = watchDynamo();
  });
  afterAll(async () => {
    dynamo?.restore();
    await stack?.stop();
  });

  it('has a canary call for every route in the table', () => {
    expect(Object.keys(canaryCalls).sort(), 'add the route to canaryCalls').toEqual(routes.map(routeKey).sort());
  });

  it('leaves no personal data in any line logged meanwhile', async () => {
    const dir = process.env[captureDirVariable];
    expect(dir, 'the log capture is set up by the root global setup').toBeTruthy();
    const loggedSince = captureFrom(dir!);
    const idp = await tokens();
    const citizen = await idp.citizen(canary.personalCode, { email: canary.email, givenName: canary.givenName, familyName: canary.familyName });
    const officer = await idp.workforce('social-service', `putni-${Date.now()}`, { officer: 'zvirbulis' });
    const staff = await idp.workforce('staff', 'zvirbulis');

    // A failure whose error message carries personal data, as SDK messages can: the 5xx line.
    const leakyError = Object.assign(new Error(`Item {personalCode=${canary.personalCode}, email=${canary.email}} is invalid`), { name: 'ValidationException' });
    dynamo.failNext(TransactWriteCommand, leakyError);
    const failed = await stack.api('/applications', { token: citizen, json: canaryApplication() });

    // A call on every route, while SES is down so the notifier has to log its retries.
    stack.ses.down();
    const version = async (id = scene.applicationId) => (await stack.api(`/staff/applications/${id}`, { token: staff })).body.version as number;
    const decide = async (decision: Record<string, unknown>, id = scene.applicationId) => {
      const answer = await stack.api(`/staff/applications/${id}/decisions`, { token: staff, json: { ...decision, expectedVersion: await version(id) } });
      expect(answer.status, answer.text).toBe(200);
    };
    const represent = async () => {
      const filed = await stack.api('/applications', { token: citizen, json: canaryRepresentation() });
      expect(filed.status, filed.text).toBe(201);
      return filed.body.id as string;
    };
    const scene: Scene = {
      citizen, officer, staff, applicationId: '', referralId: '', draftId: '', api: stack.api, version, decide, represent,
      uploadClean: async (ticket, by) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(ticket.fields)) form.append(name, value);
        form.append('file', new Blob([canaryPdf], { type: 'application/pdf' }), 'izzina.pdf');
        expect((await fetch(ticket.url, { method: 'POST', body: form })).status).toBe(204);
        const [statusPath, token] =
          by === 'officer'
            ? [`/referrals/${scene.referralId}/uploads/${ticket.uploadId}`, officer]
            : by === 'draft'
              ? [`/drafts/${scene.draftId}/uploads/${ticket.uploadId}`, citizen]
              : [`/applications/${scene.applicationId}/uploads/${ticket.uploadId}`, citizen];
        await waitFor(async () => (await stack.api(statusPath, { token })).body?.state === 'clean', 15_000);
      },
      attach: async (uploadId) => {
        const attached = await stack.api(`/applications/${scene.applicationId}/documents`, {
          token: citizen,
          json: { expectedVersion: await version(), documents: [{ sentBy: 'upload', uploadId }] },
        });
        expect(attached.status, attached.text).toBe(200);
      },
    };
    const answered = new Map<string, number>();
    for (const [key, call] of Object.entries(canaryCalls)) {
      const [path, options] = await call(scene);
      const answer = await stack.api(path, { ...options, method: key.split(' ')[0] });
      answered.set(key, answer.status);
      if (key === 'POST /applications') scene.applicationId = answer.body?.id;
      if (key === 'POST /referrals') scene.referralId = answer.body?.id;
      if (key === 'POST /applications/{id}/uploads') scene.citizenTicket = answer.body;
      if (key === 'POST /referrals/{id}/uploads') scene.officerTicket = answer.body;
      if (key === 'POST /drafts') scene.draftId = answer.body?.id;
      if (key === 'POST /drafts/{id}/uploads') scene.draftTicket = answer.body;
    }
    await waitFor(async () => stack.retriesRequested() >= 1, 15_000);
    stack.ses.up();

    const hostile: number[] = [];
    for (const route of routes) for (const [path, options] of hostileCalls(route, citizen)) hostile.push((await stack.api(path, options)).status);

    // The notifier's e-mails, here and in the shared stack (whose notifier logs in the main process).
    await waitFor(async () => (await stack.inbox()).some((email) => email.destination.to.includes(canary.email)), 20_000);
    await stack.idle();
    const shared = await api('/applications', { token: citizen, json: canaryApplication() });
    await waitFor(async () => (await emailsAbout(shared.body?.reference ?? 'none')).length === 2, 20_000);

    expect(failed.status).toBe(500);
    for (const [key, status] of answered) expect(status === 409 || (status >= 200 && status < 300), `${key}: ${status}`).toBe(true);
    expect(hostile.filter((status) => status >= 500)).toEqual([]);
    expect(shared.status).toBe(201);
    const logged = loggedSince();
    // The capture holds this drill's lines, so an empty result below means something.
    expect(logged).toContain('POST /applications 201');
    expect(logged).toContain('notification will be retried');
    expect(logged).toMatch(/"status":500,"errorName":"ValidationException"/);
    expect(findPersonalData(logged)).toEqual([]);
  }, 90_000);
});
