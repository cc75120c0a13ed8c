import type { ScheduledEvent } from 'aws-lambda';
import { createDraftRepository } from '../adapters/draft-repository';
import { createDocumentClient } from '../adapters/dynamo';
import { logger } from '../adapters/logger';
import { createSesMailer } from '../adapters/mailer';
import { readEnvironment } from '../config';
import { remindDueDrafts } from '../core/drafts';
import { draftReminder } from '../core/templates/draft-reminder';

const env = readEnvironment(['tableName', 'mailFrom', 'portalUrl'], ['sesConfigurationSet']);
const store = createDraftRepository(createDocumentClient(), env.tableName);
const mailer = createSesMailer({ from: env.mailFrom, ...(env.sesConfigurationSet && { configurationSet: env.sesConfigurationSet }) });

/**
 * Run on a schedule (infra/routes.ts, `scheduledFunctions`): reminds the owners of drafts due at the event's
 * time, the clock of this run (so a test or a re-run for a missed day passes the time it means).
 */
export const handler = async (event: Pick<ScheduledEvent, 'time'>) => {
  const outcome = await remindDueDrafts(
    {
      store,
      send: async (reminder) => {
        await mailer.send({ to: reminder.to, ...draftReminder(reminder, env.portalUrl) });
      },
    },
    new Date(event.time),
  );
  logger.info('draft reminders sent', { count: outcome.sent });
  if (outcome.failed > 0) logger.warn('draft reminders left for the next run', { count: outcome.failed });
  return outcome;
};
