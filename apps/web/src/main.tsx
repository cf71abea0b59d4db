import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app/app.css';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { ApiProblem } from './api/client';
import { LanguageProvider } from './i18n/language';

/** A session that ended (idle for two hours, or signed out in another tab): ask again who is signed in,
 * which sends the browser to the login page and back; drafts stay in the tab meanwhile. */
const onError = (e: unknown) => {
  if (e instanceof ApiProblem && e.status === 401) void queries.invalidateQueries({ queryKey: ['session'] });
};

const queries: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // The start page stays current between two lessons: on focus and every minute.
      refetchOnWindowFocus: true,
      refetchInterval: 60_000,
      retry: (count, e) => !(e instanceof ApiProblem && e.status >= 400 && e.status < 500) && count < 3,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <LanguageProvider>
          <App />
        </LanguageProvider>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
