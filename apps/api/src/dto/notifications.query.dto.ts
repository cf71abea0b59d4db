import { QueryBoolean, QueryCursor, QueryLimit } from './query-params';

/** GET /api/me/notifications query. */
export class NotificationsQueryDto {
  @QueryBoolean('only unread ones')
  unread?: boolean;

  @QueryCursor()
  cursor?: string;

  @QueryLimit(100, 50)
  limit?: number;
}
