import { Button, Link, SkipLink } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { mayReport, superviseOwner, useMe, useSignOut } from '../session/session';
import { roleLabel } from './words';
import { HideScreen } from '../components/hide-screen';
import { readsOnly, usePurpose } from '../session/purpose';
import { useLanguage, type Language } from '../i18n/language';

/** Landmarks, a skip link first, and the way to report a concern one click from anywhere. */
export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const signOut = useSignOut();
  const { t } = useLanguage();
  const { purpose, setPurpose } = usePurpose();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstPage = useRef(true);
  useEffect(() => {
    // Moving to another page inside the app: focus goes to its content, as a page load would put a
    // screen reader there. The first page is left alone, so Tab reaches the skip link first.
    if (firstPage.current) firstPage.current = false;
    else main.current?.focus();
  }, [location.pathname]);
  const kindOf = (unitId: string | null) => me.units.find((u) => u.id === unitId)?.kind;
  const roles = [...new Set(me.roles.map((r) => roleLabel(r.role, kindOf(r.unitId))))].join(', ');
  return (
    <>
      <SkipLink href="#hovedinnhold">{t('app.skip')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/" className="app-brand">
            Trygg
          </NavLink>
          <nav aria-label={t('app.menu')} className="app-nav">
            <Link asChild>
              <NavLink to="/" end>
                {t('app.home')}
              </NavLink>
            </Link>
            {mayReport(me) && (
              <Link asChild>
                <NavLink to="/meld">{t('app.report')}</NavLink>
              </Link>
            )}
            {superviseOwner(me) && (
              <Link asChild>
                <NavLink to="/tilsyn">{t('app.supervision')}</NavLink>
              </Link>
            )}
            {superviseOwner(me) && (
              <Link asChild>
                <NavLink to="/sok">{t('app.search')}</NavLink>
              </Link>
            )}
            {me.roles.some((r) => r.role === 'principal' || r.role === 'owner' || r.role === 'auditor') && (
              <Link asChild>
                <NavLink to="/barn">{t('app.chronology')}</NavLink>
              </Link>
            )}
            {me.roles.some((r) => r.role === 'owner') && (
              <Link asChild>
                <NavLink to="/innstillinger">{t('app.settings')}</NavLink>
              </Link>
            )}
          </nav>
          <div className="app-user">
            <span>
              {me.displayName} <span className="app-muted">({roles})</span>
            </span>
            {readsOnly(me) && purpose && (
              <span className="app-muted">
                {t('purpose.shown', { purpose })}{' '}
                <Button variant="tertiary" data-size="sm" onClick={() => setPurpose(null)}>
                  {t('purpose.change')}
                </Button>
              </span>
            )}
            <HideScreen />
            <LanguageSwitch />
            <Button variant="tertiary" data-size="sm" onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <main id="hovedinnhold" ref={main} tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

/** Set when the language was just switched: the app is drawn again, and focus goes back to the switch. */
let refocusSwitch = false;

/** Bokmål or nynorsk, one click, remembered in this browser. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  const pressed = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refocusSwitch) pressed.current?.focus();
    refocusSwitch = false;
  }, []);
  const choice = (value: Language, label: string) => (
    <Button
      ref={lang === value ? pressed : undefined}
      variant={lang === value ? 'secondary' : 'tertiary'}
      data-size="sm"
      aria-pressed={lang === value}
      lang={value}
      onClick={() => {
        refocusSwitch = true;
        setLang(value);
      }}
    >
      {label}
    </Button>
  );
  return (
    <span role="group" aria-label={t('app.language')} className="row">
      {choice('nb', 'Bokmål')}
      {choice('nn', 'Nynorsk')}
    </span>
  );
}
