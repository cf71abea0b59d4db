import { Alert, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useQueries } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { api, unwrap, type CaseView } from '../api/client';
import { BarChart } from '../charts/bar-chart';
import { TableScroll } from '../components/table-scroll';
import { formatDate, formatDateTime } from '../format/time';
import { STEP_LABEL } from '../app/words';
import { useLanguage } from '../i18n/language';
import type { MessageKey } from '../i18n/nb';

type Staircase = Awaited<ReturnType<typeof fetchStaircase>>;

export function fetchStaircase(groupId: string) {
  return unwrap(api.GET('/api/groups/{groupId}/staircase', { params: { path: { groupId } } }));
}

/**
 * Omni-trappa for one group: where it stands now, in words (never only a colour), its history as a
 * step chart with the same assessments in a table beside it.
 */
export function GroupStaircase({ s, headingLevel = 3 }: { s: Staircase; headingLevel?: 2 | 3 }) {
  const { t } = useLanguage();
  const oldestFirst = [...s.history].reverse();
  const group = s.name;
  return (
    <div className="omni-group">
      <Heading level={headingLevel} data-size="sm">
        {s.currentStep
          ? t('omni.current', { group, step: s.currentStep, label: STEP_LABEL[s.currentStep] ?? s.currentLabel ?? '' })
          : t('omni.notAssessed', { group })}
      </Heading>
      {oldestFirst.length > 0 && (
        <>
          <BarChart
            title={t('omni.chartTitle', { group })}
            categories={oldestFirst.map((h) => formatDate(h.assessedAt))}
            series={[{ name: t('omni.series'), data: oldestFirst.map((h) => h.step) }]}
            step
            yMax={5}
            unit={t('omni.unit')}
          />
          <TableScroll label={t('omni.table', { group })}>
            <Table data-table={`omni-${s.groupId}`}>
              <caption>{t('omni.table', { group })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('omni.assessedAt')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('omni.step')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('omni.basis')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('omni.inCase')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {s.history.map((h) => (
                  <Table.Row key={h.id}>
                    <Table.Cell>{formatDateTime(h.assessedAt)}</Table.Cell>
                    <Table.Cell>
                      {h.step}: {STEP_LABEL[h.step] ?? h.label}
                    </Table.Cell>
                    <Table.Cell className="prewrap">{h.basis}</Table.Cell>
                    <Table.Cell>{t(h.caseId ? 'omni.yes' : 'omni.no')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/grupper/${s.groupId}`}>{t('omni.groupLink', { group })}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}

/** Omni-trappa on the case page: the case's group (or its children's groups), and the owner's advice. */
export function OmniPanel({ c, groupIds }: { c: CaseView; groupIds: string[] }) {
  const { t } = useLanguage();
  const staircases = useQueries({
    queries: groupIds.map((groupId) => ({ queryKey: ['staircase', groupId], queryFn: () => fetchStaircase(groupId) })),
  });
  if (!groupIds.length && !c.suggestions.length) return null;
  return (
    <section aria-labelledby="omni">
      <Heading level={2} data-size="md" id="omni">
        {t('omni.title')}
      </Heading>
      {c.suggestions.length > 0 && (
        <Alert data-color="info" data-suggestions={c.suggestions.length}>
          <Heading level={3} data-size="xs">
            {t('omni.advice')}
          </Heading>
          <ul>
            {c.suggestions.map((s) => (
              <li key={s.code}>
                {t(`omni.suggest.${s.code}` as MessageKey)}{' '}
                <span className="app-muted">({t('omni.adviceBasis', { step: s.fromStep })})</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {staircases.map((q, i) =>
        q.isPending ? (
          <Spinner key={groupIds[i]} aria-label={t('omni.loading')} />
        ) : q.data ? (
          <GroupStaircase key={groupIds[i]} s={q.data} />
        ) : null,
      )}
    </section>
  );
}
