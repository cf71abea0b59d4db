import { Directory } from '../ports';

/**
 * Who answers for a case in the archive (saksansvarlig): its leader, the unit's principal or the
 * owner's administration, as deadlines name them (`Directory.leaderOf`). Looked up once per unit.
 */
export function saksansvarlig(directory: Directory): (unitId: string, handledBy: 'principal' | 'owner') => Promise<string> {
  const known = new Map<string, Promise<string>>();
  return (unitId, handledBy) => {
    const key = `${unitId}/${handledBy}`;
    let name = known.get(key);
    if (!name) {
      name = (async () => {
        const unit = await directory.unit(unitId);
        const leader = unit ? await directory.leaderOf(unit, handledBy) : null;
        return leader ? ((await directory.userNames([leader])).get(leader) ?? leader) : 'Trygg';
      })();
      known.set(key, name);
    }
    return name;
  };
}
