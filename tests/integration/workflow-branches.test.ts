/**
 * The lifecycle's side branches through the gateway: review, postpone, and a granted service that never starts.
 * Each answer names the next allowed decisions; the applicant hears of each step; not starting closes the need.
 */
import { describe, expect, it } from 'vitest';
import { rigaDate } from '../../functions/core/dates';
import { daysBefore } from '../support/fixtures';
import { freshPersonalCode, validForm } from '../support/service-forms';
import { api, settledEmailsAbout, tokens } from './support/local';

const today = rigaDate(new Date());

describe('review, postpone and not-started, end to end', () => {
  it('registered → under review → granted → postponed → not started; the person may then apply again', async () => {
    const idp = await tokens();
    const email = `branches.${crypto.randomUUID().slice(0, 8)}@example.lv`;
    const citizen = await idp.citizen(freshPersonalCode(), { email });
    const officer = await idp.workforce('staff', `staff-${crypto.randomUUID().slice(0, 8)}`);
    const form = validForm('vocational-suitability', 'disability', today);
    const created = await api('/applications', { token: citizen, json: { ...form, applicant: { ...form.applicant, email } } });
    expect(created.status).toBe(201);
    const { id, reference } = created.body as { id: string; reference: string };

    let version = 1;
    const decide = async (decision: Record<string, unknown>) => {
      const response = await api(`/staff/applications/${id}/decisions`, { token: officer, json: { expectedVersion: version, ...decision } });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      version = response.body.version;
      return response.body as { status: string; allowedDecisions: string[] };
    };

    expect(await decide({ type: 'register' })).toMatchObject({ status: 'registered' });
    expect(await decide({ type: 'review' })).toMatchObject({
      status: 'under_review',
      allowedDecisions: expect.arrayContaining(['request-documents', 'admit-to-queue', 'grant', 'refuse']),
    });
    expect(await decide({ type: 'grant' })).toMatchObject({ status: 'granted' });
    const postponed = await decide({ type: 'postpone', reason: 'Pakalpojuma sniedzējs pārceļ kursu.', until: daysBefore(today, -30) });
    expect(postponed.status).toBe('postponed');
    expect([...postponed.allowedDecisions].sort()).toEqual(['not-started', 'start']);
    const notStarted = await decide({ type: 'not-started', reason: 'Persona atteicās no pakalpojuma.' });
    expect(notStarted).toMatchObject({ status: 'not_started', allowedDecisions: [] });

    // The applicant hears of each step: receipt, registration, review, grant, postponement, not started.
    const mails = await settledEmailsAbout(reference, 6, email);
    expect(mails).toHaveLength(6);
    expect(mails.some((mail) => mail.body.text?.includes('Pakalpojuma sniedzējs pārceļ kursu.'))).toBe(true);

    const mine = await api(`/applications/${id}`, { token: citizen });
    expect(mine.body.status).toBe('not_started');
    // A need that did not start is closed: the same person may apply for the same service and track again.
    const again = await api('/applications', { token: citizen, json: validForm('vocational-suitability', 'disability', today) });
    expect(again.status).toBe(201);
  });
});
