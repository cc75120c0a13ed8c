/** The marker that one person holds one open application per service and track (docs/access.md), under the person key. */
import type { Application } from '../../core/model';
import { openNeedKey, type Entity } from '../keys';
import type { Item } from './item';

/** The marker held by `application` under `personKey` (its own, or the key it is moving to), taken `since`. */
export const openNeedItem = (application: Pick<Application, 'id' | 'serviceId' | 'track'>, personKey: string, since: string): Item => ({
  ...openNeedKey(application.serviceId, application.track, personKey),
  entity: 'open-need' satisfies Entity,
  applicationId: application.id,
  since,
});
