import { Button, Heading, Paragraph, Textarea, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { createContext, useContext, useState, type FormEvent, type ReactNode } from 'react';
import type { Me } from '../api/client';
import { useMe } from './session';
import { useLanguage } from '../i18n/language';

const KEY = 'trygg-formal';

interface PurposeState {
  /** Why this person reads case histories now; sent with every read and kept in the access log. */
  purpose: string | null;
  setPurpose(purpose: string | null): void;
}

const PurposeContext = createContext<PurposeState>({ purpose: null, setPurpose: () => undefined });

/** One purpose per browser session (sessionStorage): asked once, then sent with every read of a case. */
export function PurposeProvider({ children }: { children: ReactNode }) {
  const [purpose, set] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const setPurpose = (p: string | null) => {
    if (p) sessionStorage.setItem(KEY, p);
    else sessionStorage.removeItem(KEY);
    set(p);
  };
  return <PurposeContext.Provider value={{ purpose, setPurpose }}>{children}</PurposeContext.Provider>;
}

export function usePurpose(): PurposeState {
  return useContext(PurposeContext);
}

/** The query parameter every case read carries, when there is a purpose. */
export function usePurposeQuery(): { purpose?: string } {
  const { purpose } = usePurpose();
  return purpose ? { purpose } : {};
}

/** Auditors only read, and every read is logged with its purpose (as the API's isReadOnlyUser). */
export function readsOnly(me: Me): boolean {
  return me.roles.length > 0 && me.roles.every((r) => r.role === 'auditor');
}

/** Before an auditor reads anything about a case, the purpose of the review is asked for, once per session. */
export function PurposeGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const { purpose, setPurpose } = usePurpose();
  const { t } = useLanguage();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!readsOnly(me) || purpose) return <>{children}</>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return setError(t('purpose.missing'));
    if (value.length > 500) return setError(t('purpose.tooLong'));
    setPurpose(value);
  };
  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t('purpose.title')}
      </Heading>
      <Paragraph>{t('purpose.intro')}</Paragraph>
      <form onSubmit={submit} className="form" noValidate>
        <Field>
          <Label>{t('purpose.label')}</Label>
          <Paragraph data-size="sm">{t('purpose.example')}</Paragraph>
          <Textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} aria-invalid={!!error} />
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Field>
        <Button type="submit">{t('purpose.continue')}</Button>
      </form>
    </div>
  );
}
