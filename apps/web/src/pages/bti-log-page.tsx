import { Alert, Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../api/client';
import { useUnitDirectory } from '../app/directory';
import { btiLevelLabel } from '../bti/bti-view';
import { useLanguage } from '../i18n/language';
import { detailLines } from '../bti/bti-log-details';
import { formatDateTime } from '../format/time';
import { usePurposeQuery } from '../session/purpose';
import { NotFoundPage } from './not-found-page';

interface BtiLog {
  level: number;
  state: string;
  coordinator: string | null;
  pendingCoordinator: string | null;
  entries: Array<{
    seq: number;
    at: string;
    type: string;
    label?: string;
    by: { userId: string | null; role: string | null; name?: string | null } | null;
    details: Record<string, unknown>;
  }>;
}

/** Stafettloggen: the BTI decisions and the case's measures over time, readable on screen and printed on A4. */
export function BtiLogPage() {
  const { caseId = '' } = useParams();
  const { t } = useLanguage();
  const purpose = usePurposeQuery();
  const log = useQuery({
    queryKey: ['bti-log', caseId, purpose],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}/bti-log', { params: { path: { caseId }, query: purpose } as never })),
  });
  const c = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => unwrap(api.GET('/api/cases/{caseId}', { params: { path: { caseId }, query: purpose } })),
  });
  const dir = useUnitDirectory(c.data ? [c.data.unitId] : []);
  if (log.isPending) return <Spinner aria-label={t('btilog.loading')} data-size="lg" />;
  if (log.error instanceof ApiProblem && log.error.status === 404) return <NotFoundPage what="case" />;
  if (log.isError) return <Alert data-color="danger">{t('btilog.failed')}</Alert>;
  const data = log.data as unknown as BtiLog;
  const measures = [...(c.data?.planVersions ?? []), ...(c.data?.plan ? [c.data.plan] : [])].flatMap((p) => p.measures);
  const names = {
    person: dir.personName,
    measure: (id: string) => measures.findLast((m) => m.id === id)?.description ?? id,
  };
  return (
    <div className="page print-a4">
      <Heading level={1} data-size="lg">
        {t('btilog.title')}
      </Heading>
      <Paragraph>
        {btiLevelLabel(data)}. {t('btilog.coordinator', { name: data.coordinator ? dir.personName(data.coordinator) : t('btilog.none') })}
        {data.pendingCoordinator ? t('btilog.pending', { name: dir.personName(data.pendingCoordinator) }) : ''}.
      </Paragraph>
      <Paragraph className="no-print">
        <Link asChild>
          <RouterLink to={`/saker/${caseId}`}>{t('btilog.back')}</RouterLink>
        </Link>{' '}
        <Button variant="tertiary" data-size="sm" onClick={() => window.print()}>
          {t('btilog.print')}
        </Button>
      </Paragraph>
      <Table data-table="stafettlogg">
        <caption className="visually-hidden">{t('btilog.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('btilog.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('btilog.what')}</Table.HeaderCell>
            <Table.HeaderCell>{t('btilog.who')}</Table.HeaderCell>
            <Table.HeaderCell>{t('btilog.details')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {data.entries.map((e) => (
            <Table.Row key={e.seq}>
              <Table.Cell>{formatDateTime(e.at)}</Table.Cell>
              <Table.Cell>{e.label ?? e.type}</Table.Cell>
              <Table.Cell>{e.by?.name ?? (e.by?.userId ? dir.personName(e.by.userId) : 'Trygg')}</Table.Cell>
              <Table.Cell className="prewrap">{detailLines(e.details, names).join('\n')}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
