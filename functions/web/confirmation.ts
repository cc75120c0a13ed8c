/**
 * The page after something is sent (an application, a referral, documents, a withdrawal): what happened in the title,
 * the reference in the panel, what happens next, and where to go from here. One layout for every such page.
 */
import type { Receipt } from '../core/applications/types';
import type { MessageContent, PageContext, WebResponse } from './app';

export interface Confirmation {
  readonly title: string;
  /** The panel's text: the reference, alone or in a sentence. */
  readonly panel: string;
  /** What happens next, when there is something to say: a paragraph or several. */
  readonly next?: string | readonly string[];
  /** The one thing to do next, when there is one (e.g. attach the referral document). */
  readonly button?: MessageContent['button'];
  readonly links: NonNullable<MessageContent['links']>;
}

export const confirmationPage = ({ message }: PageContext, { title, panel, next, button, links }: Confirmation): WebResponse =>
  message(200, {
    title,
    panel: { text: panel },
    ...(next !== undefined && { paragraphs: typeof next === 'string' ? [next] : [...next] }),
    ...(button !== undefined && { button }),
    links,
  });

/**
 * The confirmation of a form sent in this session, from the receipt kept with its draft under `draftKey`; without
 * one (nothing was sent from this session) the person is sent to the form's `restart` page instead.
 */
export const receiptConfirmation = (
  context: PageContext,
  draftKey: string,
  restart: string,
  confirmationOf: (receipt: Receipt) => Confirmation,
): WebResponse => {
  const receipt = context.session.data.drafts?.[draftKey]?.receipt;
  return receipt ? confirmationPage(context, confirmationOf(receipt)) : context.redirect(restart);
};
