import { tr } from '../i18n/translate';
import { useQueries } from '@tanstack/react-query';
import { api, unwrap, type Child, type StaffMember } from '../api/client';

/** Names of the children and staff of the units a page shows, for what the API sends as ids. */
export function useUnitDirectory(unitIds: string[]) {
  const ids = [...new Set(unitIds)].sort();
  const children = useQueries({
    queries: ids.map((unitId) => ({
      queryKey: ['children', unitId],
      queryFn: () => unwrap(api.GET('/api/units/{unitId}/children', { params: { path: { unitId } } })).catch((): Child[] => []),
      staleTime: 5 * 60_000,
    })),
  });
  const staff = useQueries({
    queries: ids.map((unitId) => ({
      queryKey: ['staff', unitId],
      queryFn: () => unwrap(api.GET('/api/units/{unitId}/staff', { params: { path: { unitId } } })).catch((): StaffMember[] => []),
      staleTime: 5 * 60_000,
    })),
  });
  const childList = children.flatMap((q) => q.data ?? []);
  const staffList = staff.flatMap((q) => q.data ?? []);
  const childName = new Map(childList.map((c) => [c.id, c.name]));
  const staffName = new Map(staffList.map((s) => [s.id, s.displayName]));
  return {
    children: childList,
    staff: staffList,
    childName: (id: string) => childName.get(id) ?? tr('common.unknownChild'),
    /** Whether this user can look the child's name up at all (PPT cannot). */
    knowsChild: (id: string) => childName.has(id),
    personName: (id: string | null | undefined) => (id ? (staffName.get(id) ?? tr('common.someoneElse')) : tr('common.nobody')),
  };
}
