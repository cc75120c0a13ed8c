/**
 * Letters that say as little as they can (docs/notifications.md, docs/drafts.md): the neutral notice on a
 * special-category track and the draft's expiry reminder, read word for word; and a dead-lettered stream batch,
 * whose e-mails are recorded as failed when its records can be read back, or which is itself recorded as lost.
 */
import { describe, expect, it } from 'vitest';
import { deadLetteredBatchOf, recordDeadLetteredBatch, type BatchContents, type DeadLetteredBatch, type LostBatch } from '../../functions/core/dead-letters';
import type { TimelineEvent } from '../../functions/core/model';
import { draftReminder } from '../../functions/core/templates/draft-reminder';
import { neutralNotice } from '../../functions/core/templates/neutral';

describe('the neutral notice', () => {
  const urls = { portalUrl: 'https://e.siva.gov.lv/', staffPortalUrl: 'https://darbs.siva.gov.lv/' };
  const application = { id: 'a-1', reference: 'SIVA-2026-000777', language: 'en' as const };

  it('tells the applicant in their language that there is news and where to sign in, nothing more', () => {
    expect(neutralNotice(application, 'applicant-update', urls).text).toBe(
      [
        'News about your application SIVA-2026-000777',
        'Hello,',
        'There is news about application SIVA-2026-000777.',
        'Please sign in to read it.',
        'Sign in and read it: https://e.siva.gov.lv/en/applications/a-1',
        'We do not write more in this e-mail, to keep your information protected.',
        'Social Integration State Agency\n',
      ].join('\n\n'),
    );
  });

  it('tells an officer in Latvian, linking to the referral', () => {
    expect(neutralNotice(application, 'referrer-update', urls).text).toBe(
      [
        'Jaunumi par iesniegumu SIVA-2026-000777',
        'Labdien!',
        'Ir jaunumi par iesniegumu SIVA-2026-000777.',
        'Lai tos izlasītu, lūdzu, piesakieties.',
        'Pieteikties un izlasīt: https://darbs.siva.gov.lv/referrals/a-1',
        'Šajā e-pastā mēs nerakstām sīkāk, lai jūsu informācija paliktu aizsargāta.',
        'Sociālās integrācijas valsts aģentūra\n',
      ].join('\n\n'),
    );
  });
});

describe('the draft reminder', () => {
  const reminder = { to: 'janis@example.lv', language: 'lv' as const, expiresAt: '2026-12-20T10:00:00.000Z', draftId: 'd-1' };

  it('names no service and nothing typed: only that a draft exists, when it goes (Riga time) and where to continue', () => {
    const lv = draftReminder(reminder, 'https://e.siva.gov.lv/');
    expect(lv.text).toBe(
      [
        'Jūsu nepabeigtais iesniegums SIVA e-pakalpojumos drīz tiks dzēsts',
        'Jums SIVA e-pakalpojumos ir saglabāts nepabeigts iesnieguma melnraksts. Ja to neturpināsiet, tas tiks dzēsts 2026. gada 20. decembris 12:00.',
        'Piesakieties un turpiniet to sadaļā “Mani melnraksti”. Katra saglabāšana pagarina termiņu par 30 dienām.',
        'Turpināt melnrakstu: https://e.siva.gov.lv/drafts/d-1\n',
      ].join('\n\n'),
    );
    expect(lv.html).toContain('<html lang="lv">');
    const en = draftReminder({ ...reminder, language: 'en' }, 'https://e.siva.gov.lv');
    expect(en.text).toBe(
      [
        'Your unfinished application on SIVA e-services will soon be deleted',
        'You have an unfinished application draft saved on SIVA e-services. Unless you continue it, it will be deleted on 20 December 2026 at 12:00.',
        'Sign in and continue it under “My drafts”. Each save gives it another 30 days.',
        'Continue the draft: https://e.siva.gov.lv/en/drafts/d-1\n',
      ].join('\n\n'),
    );
    expect(en.html).toContain('<html lang="en">');
  });
});

describe('a dead-lettered stream batch', () => {
  const batch: DeadLetteredBatch = { streamArn: 'arn:stream', shardId: 'shard-1', startSequenceNumber: '100', endSequenceNumber: '200' };
  const event = (id: string) => ({ applicationId: 'a-1', id, type: 'submitted' }) as TimelineEvent;

  const depsReading = (contents: BatchContents) => {
    const counted: string[] = [];
    const lost: LostBatch[] = [];
    return {
      counted,
      lost,
      deps: {
        readBatch: async () => contents,
        count: async (counting: TimelineEvent) => void counted.push(counting.id),
        recordUndelivered: async (undelivered: TimelineEvent) => (undelivered.id === 'e-1' ? 2 : 1),
        recordLostBatch: async (lostBatch: LostBatch) => lost.push(lostBatch) > 0,
        clock: () => new Date('2026-11-20T10:00:00.000Z'),
      },
    };
  };

  it('whose records can be read: each event is counted for the report and its unsent e-mails recorded as failed', async () => {
    const { deps, counted, lost } = depsReading({ readable: true, events: [event('e-1'), event('e-2')] });
    expect(await recordDeadLetteredBatch(deps, batch)).toEqual({ kind: 'recorded', count: 3 });
    expect(counted).toEqual(['e-1', 'e-2']);
    expect(lost).toEqual([]);
  });

  it('whose records are gone: the batch goes on staff’s list of lost batches, with why and when', async () => {
    const { deps, counted, lost } = depsReading({ readable: false, reason: 'TrimmedDataAccessException' });
    expect(await recordDeadLetteredBatch(deps, batch)).toEqual({ kind: 'lost', reason: 'TrimmedDataAccessException' });
    expect(lost).toEqual([{ ...batch, reason: 'TrimmedDataAccessException', recordedAt: '2026-11-20T10:00:00.000Z' }]);
    expect(counted).toEqual([]);
  });

  const message = (info: Record<string, unknown>, condition?: unknown) =>
    JSON.stringify({ DDBStreamBatchInfo: info, ...(condition !== undefined && { requestContext: { condition } }) });
  const complete = { streamArn: 'arn:stream', shardId: 'shard-1', startSequenceNumber: '100', endSequenceNumber: '200' };

  it('is read from the on-failure message: the shard, the range, the arrival times, the size and why Lambda gave up', () => {
    expect(
      deadLetteredBatchOf(
        message(
          { ...complete, approximateArrivalOfFirstRecord: '2026-11-20T09:00:00Z', approximateArrivalOfLastRecord: '2026-11-20T09:01:00Z', batchSize: 3 },
          'RetryAttemptsExhausted',
        ),
      ),
    ).toEqual({
      ...complete,
      approximateArrivalOfFirstRecord: '2026-11-20T09:00:00Z',
      approximateArrivalOfLastRecord: '2026-11-20T09:01:00Z',
      batchSize: 3,
      condition: 'RetryAttemptsExhausted',
    });
    expect(deadLetteredBatchOf(message({ ...complete, batchSize: '3', approximateArrivalOfFirstRecord: 7 }, 42))).toEqual(complete);
  });

  it.each([
    ['not JSON', 'not json'],
    ['no batch in it', JSON.stringify({ other: true })],
    ['a batch that is not an object', JSON.stringify({ DDBStreamBatchInfo: 'shard-1' })],
    ['JSON null', 'null'],
    ...(['streamArn', 'shardId', 'startSequenceNumber', 'endSequenceNumber'] as const).map((missing): [string, string] => {
      const { [missing]: _gone, ...rest } = complete;
      return [`no ${missing}`, message(rest)];
    }),
    ['a sequence number that is not text', message({ ...complete, endSequenceNumber: 200 })],
  ])('names no batch when the message has %s', (_case, body) => {
    expect(deadLetteredBatchOf(body)).toBeUndefined();
  });
});
