/**
 * Fault drill: SES is unavailable while citizens submit, through the whole
 * local stack (gateway, handlers, table stream, notifier). Submitting does not
 * wait for e-mail, so citizens still get 201; the notifier hands its records
 * back to the stream. SES then comes back unreliably (some e-mails of a record
 * go, others not, so records are retried after a part was sent) and finally
 * for good: every e-mail must have gone out exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { localAgencyInboxes } from '../../local/stack';
import { canary, functionalImpairmentApplication } from '../support/fixtures';
import { newCitizen } from './support/applicants';
import { startFaultStack, type FaultStack } from './support/fault-stack';
import { waitFor } from './support/local';

const today = rigaDate(new Date());
const submissions = 4;
const agencyInbox = localAgencyInboxes['social-rehabilitation']!;

let stack: FaultStack;
beforeAll(async () => {
  // Short pauses between deliveries and room for many of them: the outage must not exhaust the retries.
  stack = await startFaultStack({ notificationRetryBaseMs: 20, notificationMaxDeliveries: 30, streamRetryAttempts: 30 });
});
afterAll(() => stack?.stop());

const submitAs = async (n: number) => {
  const email = canary.email.replace('@', `+${n}@`);
  const citizen = await newCitizen(email);
  const form = functionalImpairmentApplication(today);
  const response = await stack.api('/applications', { token: citizen.token, json: { ...form, applicant: { ...form.applicant, email } } });
  return { citizen, email, response };
};

/** Lets late duplicates, if there were any, reach the inbox before counting. */
const settle = async () => {
  await stack.idle();
  await new Promise((done) => setTimeout(done, 500));
  await stack.idle();
};

describe('submissions while SES is unavailable', () => {
  it('still answer 201, and once SES is back every e-mail is delivered exactly once', async () => {
    stack.ses.down();

    const submitted = [];
    for (let n = 1; n <= submissions; n++) submitted.push(await submitAs(n));
    // The outage lasts until the notifier has had to hand records back to the stream more than once.
    await waitFor(async () => stack.retriesRequested() >= 2, 15_000);
    const deliveredDuringOutage = await stack.inbox();
    // The SDK tries each e-mail three times: three refusals in four fail one e-mail and let the next through.
    stack.ses.flap(3, 4);
    await waitFor(async () => stack.retriesRequested() >= 6 && (await stack.inbox()).length > 0, 15_000);
    stack.ses.up();

    expect(submitted.map(({ response }) => response.status)).toEqual(Array(submissions).fill(201));
    expect(stack.ses.refused()).toBeGreaterThan(0);
    expect(deliveredDuringOutage).toEqual([]);

    await waitFor(async () => (await stack.inbox()).length >= 2 * submissions, 30_000);
    await settle();
    const inbox = await stack.inbox();
    expect(inbox).toHaveLength(2 * submissions);
    for (const { citizen, email, response } of submitted) {
      const about = inbox.filter((message) => message.subject.includes(response.body.reference));
      expect(about.map((message) => message.destination.to).sort()).toEqual([[agencyInbox], [email]].sort());
      const { body } = await stack.api(`/applications/${response.body.id}`, { token: citizen.token });
      const outcomes = body.timeline.map((event: { type: string }) => event.type).filter((type: string) => type.startsWith('notification_'));
      expect(outcomes).toEqual(['notification_sent', 'notification_sent']);
    }
    expect(stack.deadLetters).toEqual([]);
  }, 60_000);
});
