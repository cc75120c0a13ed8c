/**
 * The reminder that a draft is about to expire. Neutral by design (docs/drafts.md): no service, no track and
 * nothing the person typed, since a mailbox may be shared; only that a draft exists, until when, and where.
 */
import type { Language } from '../../../schemas/primitives';
import type { DraftReminderEmail } from '../drafts';
import { formatInstant } from './date-formats';
import { renderEmail, type Email } from './html';

const wording = {
  lv: {
    subject: 'Jūsu nepabeigtais iesniegums SIVA e-pakalpojumos drīz tiks dzēsts',
    body: (until: string) => `Jums SIVA e-pakalpojumos ir saglabāts nepabeigts iesnieguma melnraksts. Ja to neturpināsiet, tas tiks dzēsts ${until}.`,
    next: 'Piesakieties un turpiniet to sadaļā “Mani melnraksti”. Katra saglabāšana pagarina termiņu par 30 dienām.',
    link: 'Turpināt melnrakstu',
  },
  en: {
    subject: 'Your unfinished application on SIVA e-services will soon be deleted',
    body: (until: string) => `You have an unfinished application draft saved on SIVA e-services. Unless you continue it, it will be deleted on ${until}.`,
    next: 'Sign in and continue it under “My drafts”. Each save gives it another 30 days.',
    link: 'Continue the draft',
  },
} satisfies Record<Language, unknown>;

export const draftReminder = (reminder: DraftReminderEmail, portalUrl: string): Email => {
  const text = wording[reminder.language];
  const until = formatInstant(reminder.expiresAt, 'instant-date-time', reminder.language);
  const href = `${portalUrl.replace(/\/$/, '')}${reminder.language === 'en' ? '/en' : ''}/drafts/${reminder.draftId}`;
  return renderEmail(reminder.language, text.subject, [
    { kind: 'paragraph', text: text.body(until) },
    { kind: 'paragraph', text: text.next },
    { kind: 'link', text: text.link, href },
  ]);
};
