import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { api, setCsrfToken, unwrap, type Me, type Session } from '../api/client';

const SessionContext = createContext<Session | undefined>(undefined);

/** Asks the API who is signed in in this browser; the CSRF token comes with the answer. */
export function useSessionQuery() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async () => {
      const s = await unwrap(api.GET('/api/auth/session'));
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useMe(): Me {
  const s = useContext(SessionContext);
  if (!s?.me) throw new Error('useMe outside a signed-in page');
  return s.me;
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    const { endSessionUrl } = await unwrap(api.POST('/api/auth/logout'));
    setCsrfToken(null);
    qc.clear();
    // Drafts and an auditor's purpose belong to this sign-in; a shared computer forgets them.
    sessionStorage.clear();
    window.location.assign(endSessionUrl ?? '/logg-inn');
  };
}

/** The roles that lead cases in a unit: what the start page shows first. */
export function leadsAnyUnit(me: Me): boolean {
  return me.roles.some((r) => r.role === 'principal' || r.role === 'owner');
}

/** Who may open a concern somewhere: staff and principals of a unit, and the owner (as the API's mayOpenCase). */
export function mayReport(me: Me): boolean {
  return me.roles.some((r) => r.role === 'staff' || r.role === 'principal' || r.role === 'owner');
}

/** The owner's administration and its auditors see the supervision of all units (as the API's maySuperviseOwner). */
export function superviseOwner(me: Me): boolean {
  return me.roles.some((r) => r.role === 'owner' || r.role === 'auditor');
}
