import { Alert, Heading, Link, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiProblem, unwrap, type CaseView } from '../api/client';
import { TableScroll } from '../components/table-scroll';
import { ROLE_LABEL } from '../app/words';
import { formatDateTime } from '../format/time';
import { usePurposeQuery } from '../session/purpose';
import { useMe } from '../session/session';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/nb';
import { JournalPanel } from './journal-panel';
import { ACCESS_KINDS } from '../../../../libs/cases/src/ports/access-log.port';

/** The kinds the API logs, each with its message (`audit.kind.*`). */
const LOGGED_KINDS = new Set<string>(ACCESS_KINDS);

/**
 * Kontroll og saksmappe: whether the history is unchanged (the hash chain, `/verify`), who has read
 * the case and why (`/access-log`), and the case file as PDF and JSON. For the principal, the owner
 * and auditors; the API refuses others, and then this shows nothing.
 */
export function AuditPanel({ c, personName }: { c: CaseView; personName: (id: string | null) => string }) {
  const purpose = usePurposeQuery();
  const me = useMe();
  const { t } = useLanguage();
  const verify = useQuery({
    queryKey: ['verify', c.id, c.version, purpose],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/verify', { params: { path: { caseId: c.id }, query: purpose } })),
  });
  const log = useQuery({
    queryKey: ['access-log', c.id, purpose],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/access-log', { params: { path: { caseId: c.id }, query: purpose } })),
  });
  if (verify.error instanceof ApiProblem && verify.error.status === 403) return null;
  const exportUrl = (format: 'pdf' | 'json') =>
    `/api/cases/${c.id}/export?${new URLSearchParams({ format, ...(purpose.purpose ? { purpose: purpose.purpose } : {}) })}`;
  return (
    <section aria-labelledby="kontroll">
      <Heading level={2} data-size="md" id="kontroll">
        {t('audit.title')}
      </Heading>
      {verify.isPending ? (
        <Spinner aria-label={t('audit.verifying')} />
      ) : verify.data?.valid ? (
        <Paragraph>
          <Tag data-color="success" data-verified="ja">
            {t('audit.intact')}
          </Tag>{' '}
          {t('audit.chain', { count: verify.data.events })}
          {verify.data.erasedContents > 0 ? t('audit.erased', { count: verify.data.erasedContents }) : ''}.
        </Paragraph>
      ) : verify.data ? (
        <Alert data-color="danger" data-verified="nei">
          <Heading level={3} data-size="xs">
            {t('audit.broken')}
          </Heading>
          <Paragraph>
            {t('audit.firstBroken', { seq: String(verify.data.firstBrokenSeq), problem: String(verify.data.problem ?? '') })}
          </Paragraph>
        </Alert>
      ) : (
        <Alert data-color="warning">{t('audit.notChecked')}</Alert>
      )}
      <Paragraph>
        {t('audit.caseFile')}{' '}
        <Link href={exportUrl('pdf')} download>
          {t('audit.pdf')}
        </Link>{' '}
        ·{' '}
        <Link href={exportUrl('json')} download>
          {t('audit.json')}
        </Link>{' '}
        {t('audit.jsonWhy')}
      </Paragraph>
      <JournalPanel c={c} />
      <Heading level={3} data-size="sm" id="tilgangslogg">
        {t('audit.log')}
      </Heading>
      {log.isPending ? (
        <Spinner aria-label={t('audit.logLoading')} />
      ) : log.isError ? (
        <Paragraph>{t('audit.logFailed')}</Paragraph>
      ) : (
        <TableScroll label={t('audit.logCaption')}>
          <Table data-table="tilgangslogg">
            <caption className="visually-hidden">{t('audit.logCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.purpose')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {[...log.data.entries].reverse().map((e, i) => (
                <Table.Row key={`${e.at}-${i}`}>
                  <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
                  <Table.Cell>
                    {e.userId === me.id ? me.displayName : personName(e.userId)} ({ROLE_LABEL[e.role] ?? e.role})
                  </Table.Cell>
                  <Table.Cell>{LOGGED_KINDS.has(e.kind) ? t(`audit.kind.${e.kind}` as MessageKey) : e.kind}</Table.Cell>
                  <Table.Cell>{e.purpose ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
