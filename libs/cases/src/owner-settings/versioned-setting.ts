import { toOsloIso } from '../../../workflow/src';
import { mayChangeOwnerSettings, mayReadOwnerSettings } from '../authorization.policy';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../errors';
import { UserContext } from '../ports';

/**
 * What every versioned owner setting shares (deadline policy, guidance, retention, language): who
 * may change it, saving the next version with a 409 when someone else saved first, and its stamp.
 */
export function assertMayChangeSetting(user: UserContext, ownerId: string, onlyTheOwner: string): void {
  if (!mayReadOwnerSettings(user, ownerId)) throw new NotFoundError('owner not found');
  if (!mayChangeOwnerSettings(user, ownerId)) throw new ForbiddenError(`only the owner (kommune) ${onlyTheOwner}`, 'owner');
}

/** Saves version `expectedVersion + 1` and answers with the setting now in force; stale is 409 naming the version. */
export async function saveNextVersion<V extends { version: number }>(
  what: string,
  expectedVersion: number,
  save: () => Promise<boolean>,
  view: () => Promise<V>,
): Promise<V> {
  const saved = await save();
  const now = await view();
  if (!saved)
    throw new StaleVersionError(`the ${what} is at version ${now.version}, not ${expectedVersion}: reload it and try again`, now.version);
  return now;
}

/** Who changed the setting and when; `isDefault` while the owner has never changed Trygg's default. */
export function changeStamp(stored: { changedBy: string | null; changedAt: Date | null }) {
  return {
    isDefault: stored.changedAt === null,
    changedBy: stored.changedBy,
    changedAt: stored.changedAt ? toOsloIso(stored.changedAt) : null,
  };
}
