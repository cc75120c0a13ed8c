/** Every e-mail carries SES message tags naming its notification, so a bounce or complaint can be traced back to it. */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createSesMailer } from '../../functions/adapters/mailer';
import { returnedMailOf } from '../../functions/core/mail-events';
import type { NotificationKey } from '../../functions/core/notifier';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

describe('message tags on outgoing e-mail', () => {
  it('names the application, the source event and the kind, in values SES accepts, and reads back to the same notification', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const key: NotificationKey = { applicationId: '5b0c1a52-8a3e-4c57-9d1a-2f6a1c0f9e11', eventId: '2026-11-22T10:00:00.000Z#abcd1234', kind: 'applicant-update' };
    const mailer = createSesMailer({ from: 'e-pakalpojumi@siva.gov.lv', configurationSet: 'siva', client: new SESv2Client({ region: 'eu-north-1' }) });
    await mailer.send({ to: 'liga@example.lv', subject: 's', text: 't', html: 'h', trace: key });

    const tags = ses.commandCalls(SendEmailCommand)[0]!.args[0].input.EmailTags!;
    expect(tags.map((tag) => tag.Name).sort()).toEqual(['application', 'event', 'notification']);
    for (const tag of tags) expect(tag.Value).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    // SES publishes them on a bounce as name → [value]:
    const published = Object.fromEntries(tags.map((tag) => [tag.Name, [tag.Value]]));
    expect(returnedMailOf({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull' }, mail: { tags: published } })).toEqual({
      key,
      code: 'bounced:Transient:MailboxFull',
      permanent: false,
    });
  });
});
