import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { CaseView, EventView } from '../api/client';
import { serviceLabel } from '../commands/command-forms';
import { TableScroll } from '../components/table-scroll';
import { formatDateTime } from '../format/time';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/nb';
import { btiLevelLabel } from './bti-view';

const SOON_MS = 14 * 86_400_000;

/**
 * BTI og PPT on the case page: the level in words, who holds the stafett (and who is taking over:
 * the previous one stays responsible until the new one accepts), consent per service, PPT's part
 * and its advice. The commands themselves are the case's allowedCommands, under "Hva du kan gjøre nå".
 */
export function BtiPanel({
  c,
  history,
  personName,
  now,
}: {
  c: CaseView;
  history: EventView[];
  personName: (id: string | null) => string;
  now: number;
}) {
  const { t } = useLanguage();
  const { bti, ppt } = c;
  const advice = history.filter((e) => e.type === 'PPT_ADVICE');
  return (
    <section aria-labelledby="bti">
      <Heading level={2} data-size="md" id="bti">
        {t('bti.title')}
      </Heading>
      <Paragraph>
        <strong>{btiLevelLabel(bti)}</strong>
        {bti.services.length > 0 && ` · ${t('bti.services', { list: bti.services.map(serviceLabel).join(', ') })}`}
      </Paragraph>
      <Paragraph>
        {t('bti.coordinator', { name: bti.coordinator ? personName(bti.coordinator) : t('bti.noCoordinator') })}
        {bti.pendingCoordinator && (
          <>
            {' '}
            · <Tag data-color="warning">{t('bti.takingOver')}</Tag> {t('bti.pending', { name: personName(bti.pendingCoordinator) })}{' '}
            {bti.coordinator ? t('bti.responsibleUntil', { name: personName(bti.coordinator) }) : t('bti.leaderResponsible')}
          </>
        )}
      </Paragraph>
      {bti.consents.length > 0 && (
        <TableScroll label={t('bti.consents')}>
          <Table data-table="samtykker">
            <caption>{t('bti.consents')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('bti.consent.service')}</Table.HeaderCell>
                <Table.HeaderCell>{t('bti.consent.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('bti.consent.scope')}</Table.HeaderCell>
                <Table.HeaderCell>{t('bti.consent.given')}</Table.HeaderCell>
                <Table.HeaderCell>{t('bti.consent.expires')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {bti.consents.map((x) => {
                const expires = x.expiresAt ? new Date(x.expiresAt).getTime() : null;
                return (
                  <Table.Row key={x.service}>
                    <Table.Cell>{serviceLabel(x.service)}</Table.Cell>
                    <Table.Cell>
                      {t(`bti.consent.status.${x.status}` as MessageKey)}
                      {x.status === 'given' && !x.valid && t('bti.consent.expired')}
                      {x.form ? ` (${t(x.form === 'written' ? 'bti.consent.written' : 'bti.consent.oral')})` : ''}
                    </Table.Cell>
                    <Table.Cell className="prewrap">{x.scope ?? ''}</Table.Cell>
                    <Table.Cell>{x.givenAt ? formatDateTime(x.givenAt) : ''}</Table.Cell>
                    <Table.Cell>
                      {x.expiresAt ? formatDateTime(x.expiresAt) : t('bti.consent.noDate')}{' '}
                      {x.valid && expires !== null && expires - now < SOON_MS && <Tag data-color="warning">{t('bti.consent.soon')}</Tag>}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {ppt && (
        <>
          <Heading level={3} data-size="sm">
            PPT
          </Heading>
          <Paragraph>{t(ppt.anonymous ? 'bti.ppt.anonymous' : 'bti.ppt.named', { question: ppt.question })}</Paragraph>
          {advice.length === 0 ? (
            <Paragraph>{t('bti.ppt.noAdvice')}</Paragraph>
          ) : (
            advice.map((e) => (
              <Paragraph key={e.seq} className="prewrap">
                <strong>{t('bti.ppt.advice', { date: formatDateTime(e.at) })}</strong> {String(e.payload.text ?? '')}
              </Paragraph>
            ))
          )}
        </>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/saker/${c.id}/stafettlogg`}>{t('bti.logLink')}</RouterLink>
        </Link>
      </Paragraph>
    </section>
  );
}
