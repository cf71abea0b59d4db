import { Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type CaseView } from '../api/client';
import { TableScroll } from '../components/table-scroll';
import { formatDateTime } from '../format/time';
import { useLanguage } from '../i18n/language';
import { usePurposeQuery } from '../session/purpose';

/** Journal: the case's documents as the archive registers them, each with its number and PDF. */
export function JournalPanel({ c }: { c: CaseView }) {
  const purpose = usePurposeQuery();
  const { t } = useLanguage();
  const journal = useQuery({
    queryKey: ['journal', c.id, c.version, purpose],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/journal', { params: { path: { caseId: c.id }, query: purpose } })),
  });
  const documentUrl = (entryId: string) =>
    `/api/cases/${c.id}/journal/${entryId}/document${purpose.purpose ? `?${new URLSearchParams({ purpose: purpose.purpose })}` : ''}`;
  return (
    <>
      <Heading level={3} data-size="sm" id="journal">
        {t('audit.journal')}
      </Heading>
      {journal.isPending ? (
        <Spinner aria-label={t('audit.journalLoading')} />
      ) : journal.isError ? (
        <Paragraph>{t('audit.journalFailed')}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">
            {journal.data.caseNumber && t('audit.journalCase', { number: journal.data.caseNumber })}{' '}
            {journal.data.depositedAt
              ? t('audit.journalDeposited', { date: formatDateTime(journal.data.depositedAt) })
              : t('audit.journalNotDeposited')}
          </Paragraph>
          {journal.data.entries.length > 0 && (
            <TableScroll label={t('audit.journalCaption')}>
              <Table data-table="journal">
                <caption className="visually-hidden">{t('audit.journalCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('audit.journalNumber')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.journalTitle')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.journalType')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.journalDocument')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {journal.data.entries.map((e) => (
                    <Table.Row key={e.id}>
                      <Table.Cell>{e.journalNumber}</Table.Cell>
                      <Table.Cell>{formatDateTime(e.createdAt)}</Table.Cell>
                      <Table.Cell>{e.title}</Table.Cell>
                      <Table.Cell>{e.journalposttype}</Table.Cell>
                      <Table.Cell>
                        {e.documentAvailable ? (
                          <Link href={documentUrl(e.id)} download>
                            {t('audit.journalPdf', { number: e.journalNumber })}
                          </Link>
                        ) : (
                          t('audit.journalErased')
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </>
      )}
    </>
  );
}
