import { Field, Heading, Label, Link, Paragraph, Select, Spinner, Button } from '@digdir/designsystemet-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, unwrap, type CaseView, type EventView } from '../api/client';
import { useUnitDirectory } from '../app/directory';
import { STATE_LABEL } from '../app/words';
import { formatDateTime } from '../format/time';
import { fetchStaircase } from '../omni/omni-panel';
import { usePurposeQuery } from '../session/purpose';
import { useMe } from '../session/session';
import { useLanguage } from '../i18n/language';

/** The steps of a case that belong in a child's chronology; notes and deadlines stay in the case. */
const CHRONOLOGY = new Set([
  'CASE_OPENED',
  'CONCLUDE_INVESTIGATION',
  'APPROVE_PLAN',
  'EVALUATE',
  'CLOSE',
  'REOPEN',
  'BTI_DECIDE',
  'BTI_ESCALATE',
  'BTI_DEESCALATE',
  'BTI_EVALUATE',
]);

interface Item {
  at: string;
  key: string;
  text: string;
  caseId?: string;
  where: string;
}

/**
 * Barnets kronologi: every case about one child that this user may see, and the Omni-trappa of the
 * child's group, in one timeline, newest first. It is built only from what the API lets this user
 * read, so another unit's case, or one led by the owner, never shows, not even as a gap.
 */
export function ChronologyPage() {
  const { t: tr } = useLanguage();
  const { childId = '' } = useParams();
  const me = useMe();
  const purpose = usePurposeQuery();
  const dir = useUnitDirectory(me.units.map((u) => u.id));
  const child = dir.children.find((c) => c.id === childId);
  const cases = useQuery({
    queryKey: ['chronology-cases', childId, purpose],
    queryFn: () => unwrap(api.GET('/api/cases', { params: { query: { childId, limit: 100, ...purpose } } })),
  });
  const list: CaseView[] = cases.data?.items ?? [];
  const histories = useQueries({
    queries: list.map((c) => ({
      queryKey: ['history', c.id],
      queryFn: () => unwrap(api.GET('/api/cases/{caseId}/events', { params: { path: { caseId: c.id }, query: purpose } })),
    })),
  });
  const staircase = useQuery({
    queryKey: ['staircase', child?.groupId],
    queryFn: () => fetchStaircase(child!.groupId as string),
    enabled: !!child?.groupId,
  });
  const unitName = (id: string) => me.units.find((u) => u.id === id)?.name ?? '';
  const items: Item[] = [
    ...list.flatMap((c, i) =>
      (histories[i]?.data ?? ([] as EventView[]))
        .filter((e) => CHRONOLOGY.has(e.type))
        .map((e) => ({ at: e.at, key: `${c.id}-${e.seq}`, text: e.label, caseId: c.id, where: unitName(c.unitId) })),
    ),
    ...(staircase.data?.history ?? []).map((h) => ({
      at: h.assessedAt,
      key: h.id,
      text: tr('chrono.omni', { group: staircase.data?.name ?? '', step: String(h.step), label: h.label }),
      where: unitName(h.unitId),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const name = child?.name ?? tr('chrono.theChild');
  return (
    <div className="page print-a4">
      <Heading level={1} data-size="lg">
        {tr('chrono.title', { name })}
      </Heading>
      <Paragraph>
        {tr('chrono.intro', { name })}{' '}
        <Button variant="tertiary" data-size="sm" className="no-print" onClick={() => window.print()}>
          {tr('chrono.print')}
        </Button>
      </Paragraph>
      {cases.isPending ? (
        <Spinner aria-label={tr('chrono.loading')} />
      ) : (
        <>
          <Heading level={2} data-size="sm">
            {tr('chrono.cases', { count: String(list.length) })}
          </Heading>
          <ul data-list="saker">
            {list.map((c) => (
              <li key={c.id}>
                <Link asChild>
                  <RouterLink to={`/saker/${c.id}`}>
                    {tr('chrono.caseLine', {
                      unit: unitName(c.unitId),
                      date: formatDateTime(c.openedAt),
                      state: STATE_LABEL[c.state] ?? c.state,
                    })}
                  </RouterLink>
                </Link>
              </li>
            ))}
          </ul>
          <Heading level={2} data-size="sm">
            {tr('chrono.timeline')}
          </Heading>
          {items.length === 0 ? (
            <Paragraph>{tr('chrono.nothing')}</Paragraph>
          ) : (
            <ol className="timeline" data-list="kronologi">
              {items.map((it) => (
                <li key={it.key} className="timeline__item">
                  <Paragraph data-size="sm">
                    <time dateTime={it.at}>{formatDateTime(it.at)}</time> · {it.where}
                  </Paragraph>
                  <Paragraph>
                    {it.caseId ? (
                      <Link asChild>
                        <RouterLink to={`/saker/${it.caseId}`}>{it.text}</RouterLink>
                      </Link>
                    ) : (
                      it.text
                    )}
                  </Paragraph>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

/** Finn et barn: choose a child of one's units by name, and open the chronology. */
export function ChildSearchPage() {
  const { t: tr } = useLanguage();
  const me = useMe();
  const navigate = useNavigate();
  const dir = useUnitDirectory(me.units.map((u) => u.id));
  const unitName = (id: string) => me.units.find((u) => u.id === id)?.name ?? '';
  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {tr('chrono.choose')}
      </Heading>
      <Paragraph>{tr('chrono.chooseIntro')}</Paragraph>
      <Field>
        <Label>{tr('start.child')}</Label>
        <Select defaultValue="" onChange={(e) => e.target.value && navigate(`/barn/${e.target.value}`)}>
          <Select.Option value="">{tr('chrono.pick')}</Select.Option>
          {[...dir.children]
            .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
            .map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {c.name} ({unitName(c.unitId)})
              </Select.Option>
            ))}
        </Select>
      </Field>
    </div>
  );
}
