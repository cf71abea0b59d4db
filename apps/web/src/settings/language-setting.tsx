import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Spinner } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { Language } from '../i18n/current';
import { tr } from '../i18n/translate';
import { Conflict, VersionLine } from './setting-parts';
import { useVersionedSave } from './versioned-save';

/** Språk: the language everyone in the kommune sees until they choose one themselves. */
export function LanguageSetting({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  // Not the key the app's own default reads: saving must not redraw this page in the new language under the owner's hands.
  const key = ['owner-language-setting', ownerId];
  const setting = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/language', { params: { path: { ownerId } } })),
  });
  const { problem, saved, saving, save, reload, conflict } = useVersionedSave(key);
  const [draft, setDraft] = useState<Language | null>(null);
  if (setting.isPending) return <Spinner aria-label={tr('set.l.loading')} />;
  if (setting.isError) return <Alert data-color="danger">{tr('set.l.failed')}</Alert>;
  const s = setting.data;
  const value = draft ?? s.defaultLanguage;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(
      () =>
        unwrap(
          api.PUT('/api/owners/{ownerId}/language', {
            params: { path: { ownerId } },
            body: { defaultLanguage: value, expectedVersion: s.version },
          }),
        ),
      tr('set.l.what'),
    ).then((ok) => ok && setDraft(null));
  };
  return (
    <section aria-labelledby="sprak" className="settings-section">
      <Heading level={2} data-size="md" id="sprak">
        {tr('set.l.title')}
      </Heading>
      <Paragraph>{tr('set.l.intro')}</Paragraph>
      <VersionLine version={s.version} changedAt={s.changedAt} isDefault={s.isDefault} />
      <Conflict on={conflict} reload={() => void reload()} what={tr('set.l.whatLower')} />
      <form onSubmit={submit} noValidate className="form">
        <Fieldset>
          <Fieldset.Legend>{tr('set.l.legend')}</Fieldset.Legend>
          {(['nb', 'nn'] as const).map((l) => (
            <Radio
              key={l}
              name="standardsprak"
              value={l}
              lang={l}
              label={tr(`set.l.${l}`)}
              checked={value === l}
              disabled={!mayChange}
              onChange={() => setDraft(l)}
            />
          ))}
        </Fieldset>
        {problem && problem.status !== 409 && <Alert data-color="danger">{problem.message}</Alert>}
        {saved && <Alert data-color="success">{saved}</Alert>}
        {mayChange && (
          <Button type="submit" loading={saving}>
            {tr('set.l.save')}
          </Button>
        )}
      </form>
    </section>
  );
}
