import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from '../api/client';
import { useLanguage } from '../i18n/language';
import { useMe } from './session';

/** Kommunen chooses the default language: whoever has not chosen one sees Trygg in it once signed in. */
export function OwnerLanguageDefault() {
  const me = useMe();
  const { adoptDefault } = useLanguage();
  const ownerId = me.ownerId;
  const setting = useQuery({
    queryKey: ['owner-language', ownerId],
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/language', { params: { path: { ownerId } } })),
    enabled: Boolean(ownerId),
    staleTime: 5 * 60_000,
  });
  const lang = setting.data?.defaultLanguage;
  useEffect(() => {
    if (lang) adoptDefault(lang);
  }, [lang, adoptDefault]);
  return null;
}
