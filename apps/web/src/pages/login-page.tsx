import { Alert, Button, Card, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiProblem, setCsrfToken, unwrap, type Session } from '../api/client';
import { ROLE_LABEL } from '../app/words';
import { LanguageSwitch } from '../app/app-layout';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/nb';

const ERRORS: Record<string, MessageKey> = { innlogging: 'login.aborted', 'ukjent-bruker': 'login.unknownUser' };

/** Sign in: the owner's OIDC provider in production; in development and demo also the demo users, one click each. */
export function LoginPage({ session }: { session: Session | undefined }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { t } = useLanguage();
  const [failed, setFailed] = useState<string | null>(null);
  const dev = session?.methods.dev ?? false;
  const users = useQuery({ queryKey: ['dev-users'], queryFn: () => unwrap(api.GET('/api/auth/dev-users')), enabled: dev });
  const target = params.get('til') ?? '/';
  const error = params.get('feil');

  const signInAs = async (username: string) => {
    try {
      const s = await unwrap(api.POST('/api/auth/dev-login', { body: { username: username as never } }));
      setCsrfToken(s.csrfToken);
      qc.setQueryData(['session'], s);
      navigate(target.startsWith('/') ? target : '/', { replace: true });
    } catch (e) {
      setFailed(e instanceof ApiProblem ? e.message : t('login.failed'));
    }
  };

  return (
    <main id="hovedinnhold" className="app-main page page--narrow">
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      <LanguageSwitch />
      {error && <Alert data-color="danger">{t(ERRORS[error] ?? 'login.failed')}</Alert>}
      {failed && <Alert data-color="danger">{failed}</Alert>}
      {session?.methods.oidc && (
        <Paragraph>
          <Button asChild>
            <a href="/api/auth/oidc/login">{t('login.oidc')}</a>
          </Button>
        </Paragraph>
      )}
      {dev && (
        <section aria-labelledby="demo-heading">
          <Heading level={2} data-size="sm" id="demo-heading">
            {t('login.demo')}
          </Heading>
          <Paragraph>{t('login.demoIntro')}</Paragraph>
          {users.isPending && <Spinner aria-label={t('login.loadingUsers')} />}
          <ul className="login-users">
            {users.data?.map((u) => (
              <li key={u.username}>
                <Card>
                  <Card.Block>
                    <Button variant="secondary" onClick={() => void signInAs(u.username)} aria-describedby={`rolle-${u.username}`}>
                      {u.displayName}
                    </Button>
                    <Paragraph data-size="sm" id={`rolle-${u.username}`}>
                      {[...new Set(u.roles.map((r) => ROLE_LABEL[r.role] ?? r.role))].join(', ')}
                      {u.unitNames.length > 0 && u.roles.some((r) => r.unitId) ? `, ${u.unitNames.join(', ')}` : ''} (
                      {t('login.username', { username: u.username })})
                    </Paragraph>
                  </Card.Block>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!dev && !session?.methods.oidc && <Alert data-color="warning">{t('login.notConfigured')}</Alert>}
    </main>
  );
}
