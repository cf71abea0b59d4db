import { Spinner } from '@digdir/designsystemet-react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { SessionProvider, useSessionQuery } from '../session/session';
import { AppLayout } from './app-layout';
import { PurposeGate, PurposeProvider } from '../session/purpose';
import { LoginPage } from '../pages/login-page';
import { StartPage } from '../pages/start-page';
import { ReportConcernPage } from '../pages/report-concern-page';
import { CasePage } from '../pages/case-page';
import { NotFoundPage } from '../pages/not-found-page';
import { OwnerDashboardPage } from '../pages/owner-dashboard-page';
import { CaseSearchPage } from '../pages/case-search-page';
import { BtiLogPage } from '../pages/bti-log-page';
import { SettingsPage } from '../pages/settings-page';
import { GroupPage } from '../pages/group-page';
import { ChildSearchPage, ChronologyPage } from '../pages/chronology-page';
import { OwnerLanguageDefault } from '../session/owner-language';
import { tr } from '../i18n/translate';

/** Routes in Norwegian, as people read them in the address bar; everything but login needs a session. */
export function App() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <Spinner aria-label={tr('common.loadingApp')} data-size="lg" />;
  if (location.pathname === '/logg-inn') return <LoginPage session={session.data} />;
  if (!session.data?.signedIn) return <Navigate to={`/logg-inn?til=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return (
    <SessionProvider session={session.data}>
      <OwnerLanguageDefault />
      <PurposeProvider>
        <AppLayout>
          <PurposeGate>
            <Routes>
              <Route path="/" element={<StartPage />} />
              <Route path="/meld" element={<ReportConcernPage />} />
              <Route path="/saker/:caseId" element={<CasePage />} />
              <Route path="/saker/:caseId/stafettlogg" element={<BtiLogPage />} />
              <Route path="/tilsyn" element={<OwnerDashboardPage />} />
              <Route path="/sok" element={<CaseSearchPage />} />
              <Route path="/innstillinger" element={<SettingsPage />} />
              <Route path="/grupper/:groupId" element={<GroupPage />} />
              <Route path="/barn" element={<ChildSearchPage />} />
              <Route path="/barn/:childId" element={<ChronologyPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </PurposeGate>
        </AppLayout>
      </PurposeProvider>
    </SessionProvider>
  );
}
