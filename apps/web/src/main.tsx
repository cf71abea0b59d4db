import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app/app.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { ApiProblem } from './api/client';

const queries = new QueryClient({
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
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
