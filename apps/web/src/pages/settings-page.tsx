import {
  Alert,
  Button,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
  Tabs,
  Textfield,
} from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemSummary, norwegianMessage } from '../components/problem-summary';
import { TableScroll } from '../components/table-scroll';
import { formatDate } from '../format/time';
import { useVersionedSave } from '../settings/versioned-save';
import { Conflict, VersionLine } from '../settings/setting-parts';
import { LanguageSetting } from '../settings/language-setting';
import { ArchiveDeposit } from '../settings/archive-deposit';
import { SUGGESTION_CODES } from '../../../../libs/workflow/src/omni';
import { useMe } from '../session/session';
import { tr } from '../i18n/translate';
import type { MessageKey } from '../i18n/nb';

/** Kommunens innstillinger: every number and rule the owner sets, each with its version, who changed it and when. */
export function SettingsPage() {
  const me = useMe();
  const ownerId = me.ownerId;
  const mayChange = me.roles.some((r) => r.role === 'owner' && r.ownerId === ownerId);
  return (
    <div className="page page--wide">
      <Heading level={1} data-size="lg">
        {tr('set.title')}
      </Heading>
      <Paragraph>
        {tr('set.intro')}
        {!mayChange && tr('set.readOnly')}
      </Paragraph>
      <Tabs defaultValue="frister">
        <Tabs.List>
          <Tabs.Tab value="frister">{tr('set.tab.deadlines')}</Tabs.Tab>
          <Tabs.Tab value="skolerute">{tr('set.tab.holidays')}</Tabs.Tab>
          <Tabs.Tab value="omni">{tr('set.tab.omni')}</Tabs.Tab>
          <Tabs.Tab value="arkiv">{tr('set.tab.archive')}</Tabs.Tab>
          <Tabs.Tab value="sletting">{tr('set.tab.retention')}</Tabs.Tab>
          <Tabs.Tab value="sprak">{tr('set.tab.language')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="frister">
          <DeadlinePolicy ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="skolerute">
          <SchoolHolidays ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="omni">
          <Guidance ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="arkiv">
          <ArchiveDeposit ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="sletting">
          <Retention ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
        <Tabs.Panel value="sprak">
          <LanguageSetting ownerId={ownerId} mayChange={mayChange} />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

/** Every number of the deadline policy, with what the law itself says where it says something. */
const POLICY_NUMBERS: Array<[string, MessageKey?]> = [
  ['acknowledgeSchoolDays'],
  ['acknowledgeStaffOffenceHours', 'set.p.straks'],
  ['investigationSchoolDays', 'set.p.snarast'],
  ['planSchoolDays'],
  ['approvalSchoolDays'],
  ['reminderSchoolDaysBefore'],
  ['escalateToPrincipalSchoolDays'],
  ['escalateToOwnerSchoolDays'],
  ['btiDecisionDays'],
  ['consentExpiryReminderDays'],
  ['pptAdviceSchoolDays'],
];
const policyFields = (): Array<[string, string, string?]> =>
  POLICY_NUMBERS.map(([k, hint]) => [k, tr(`set.p.${k}` as MessageKey), hint && tr(hint)]);

function DeadlinePolicy({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const key = ['deadline-policy', ownerId];
  const policy = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/deadline-policy', { params: { path: { ownerId } } })),
  });
  const { problem, saved, saving, save, reload, conflict } = useVersionedSave(key);
  // Only the fields this person changed: after someone else's save is loaded, their other numbers show and these stay.
  const [edits, setEdits] = useState<Record<string, string>>({});
  if (policy.isPending) return <Spinner aria-label={tr('set.p.loading')} />;
  if (policy.isError) return <Alert data-color="danger">{tr('set.p.failed')}</Alert>;
  const POLICY_FIELDS = policyFields();
  const p = policy.data as unknown as Record<string, unknown> & {
    version: number;
    changedAt: string | null;
    isDefault: boolean;
    notice: string;
  };
  const values = {
    ...Object.fromEntries([...POLICY_FIELDS.map(([k]) => [k, String(p[k])]), ['schoolDayEndsAt', String(p.schoolDayEndsAt)]]),
    ...edits,
  };
  const ids = Object.fromEntries([...POLICY_FIELDS.map(([k]) => [k, `frist-${k}`]), ['schoolDayEndsAt', 'frist-schoolDayEndsAt']]);
  const labels = Object.fromEntries([...POLICY_FIELDS.map(([k, l]) => [k, l]), ['schoolDayEndsAt', tr('set.p.schoolDayEndsAt')]]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = Object.fromEntries(POLICY_FIELDS.map(([k]) => [k, Number(values[k])]));
    void save(
      () =>
        unwrap(
          api.PUT('/api/owners/{ownerId}/deadline-policy', {
            params: { path: { ownerId } },
            body: { ...body, schoolDayEndsAt: values.schoolDayEndsAt, expectedVersion: p.version } as never,
          }),
        ),
      tr('set.p.what'),
    ).then((ok) => ok && setEdits({}));
  };
  return (
    <section aria-labelledby="fristregler" className="settings-section">
      <Heading level={2} data-size="md" id="fristregler">
        {tr('set.tab.deadlines')}
      </Heading>
      <Paragraph>{tr('set.p.intro')}</Paragraph>
      <VersionLine version={p.version} changedAt={p.changedAt} isDefault={p.isDefault} />
      <Conflict on={conflict} reload={() => void reload()} what={tr('set.p.whatLower')} />
      <form onSubmit={submit} noValidate className="form settings-grid">
        {POLICY_FIELDS.map(([k, label, hint]) => (
          <Textfield
            key={k}
            id={ids[k]}
            label={label}
            description={hint}
            type="number"
            min={0}
            readOnly={!mayChange}
            value={values[k]}
            error={problem?.fieldError(k) ? norwegianMessage(problem.fieldError(k) as string) : undefined}
            onChange={(e) => setEdits({ ...edits, [k]: e.target.value })}
          />
        ))}
        <Textfield
          id={ids.schoolDayEndsAt}
          label={labels.schoolDayEndsAt}
          description={tr('set.p.schoolDayEndsAtHint')}
          readOnly={!mayChange}
          value={values.schoolDayEndsAt}
          error={problem?.fieldError('schoolDayEndsAt')}
          onChange={(e) => setEdits({ ...edits, schoolDayEndsAt: e.target.value })}
        />
        <ProblemSummary problem={problem} fieldIds={ids} labels={labels} />
        {saved && <Alert data-color="success">{saved}</Alert>}
        {mayChange && (
          <Button type="submit" loading={saving}>
            {tr('set.p.save')}
          </Button>
        )}
      </form>
    </section>
  );
}

function SchoolHolidays({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const me = useMe();
  const qc = useQueryClient();
  const key = ['school-holidays', ownerId];
  const list = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/school-holidays', { params: { path: { ownerId } } })),
  });
  const [form, setForm] = useState({ from: '', to: '', name: '', unitId: '' });
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/owners/{ownerId}/school-holidays', {
          params: { path: { ownerId } },
          body: { holidays: [{ from: form.from, to: form.to, name: form.name, ...(form.unitId ? { unitId: form.unitId } : {}) }] },
        }),
      ),
    onSuccess: () => {
      setForm({ from: '', to: '', name: '', unitId: '' });
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (holidayId: string) =>
      unwrap(api.DELETE('/api/owners/{ownerId}/school-holidays/{holidayId}', { params: { path: { ownerId, holidayId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const unitName = (id: string | null | undefined) =>
    id ? (me.units.find((u) => u.id === id)?.name ?? tr('set.h.aUnit')) : tr('set.h.allUnits');
  const err = (field: string) => {
    const e = add.error as { fieldError?: (f: string) => string | undefined } | null;
    const m = e?.fieldError?.(`holidays[0].${field}`);
    return m ? norwegianMessage(m) : undefined;
  };
  return (
    <section aria-labelledby="skolerute" className="settings-section">
      <Heading level={2} data-size="md" id="skolerute">
        {tr('set.tab.holidays')}
      </Heading>
      <Paragraph>{tr('set.h.intro')}</Paragraph>
      {list.isPending ? (
        <Spinner aria-label={tr('set.h.loading')} />
      ) : (
        <TableScroll label={tr('set.h.table')}>
          <Table data-table="skolerute">
            <caption className="visually-hidden">{tr('set.h.table')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{tr('set.h.name')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('set.h.from')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('set.h.to')}</Table.HeaderCell>
                <Table.HeaderCell>{tr('set.h.appliesTo')}</Table.HeaderCell>
                {mayChange && <Table.HeaderCell>{tr('set.h.delete')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {(list.data ?? []).map((h) => (
                <Table.Row key={h.id}>
                  <Table.Cell>{h.name}</Table.Cell>
                  <Table.Cell>{formatDate(h.from)}</Table.Cell>
                  <Table.Cell>{formatDate(h.to)}</Table.Cell>
                  <Table.Cell>{unitName(h.unitId)}</Table.Cell>
                  {mayChange && (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => remove.mutate(h.id)}
                        aria-label={tr('set.h.deleteOne', { name: h.name })}
                      >
                        {tr('set.h.delete')}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {mayChange && (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Heading level={3} data-size="sm">
            {tr('set.h.add')}
          </Heading>
          <Textfield
            label={tr('set.h.name')}
            value={form.name}
            error={err('name')}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
          <div className="row">
            <Textfield
              label={tr('set.h.from')}
              type="date"
              value={form.from}
              error={err('from')}
              onChange={(e) => setForm({ ...form, from: e.target.value })}
            />
            <Textfield
              label={tr('set.h.to')}
              type="date"
              value={form.to}
              error={err('to')}
              onChange={(e) => setForm({ ...form, to: e.target.value })}
            />
          </div>
          <Field>
            <Label>{tr('set.h.appliesTo')}</Label>
            <Select value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })}>
              <Select.Option value="">{tr('set.h.allUnits')}</Select.Option>
              {me.units.map((u) => (
                <Select.Option key={u.id} value={u.id}>
                  {u.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          {add.isError && !err('from') && !err('to') && !err('name') && <Alert data-color="danger">{(add.error as Error).message}</Alert>}
          <Button type="submit" loading={add.isPending}>
            {tr('set.h.submit')}
          </Button>
        </form>
      )}
    </section>
  );
}

const SUGGESTIONS = SUGGESTION_CODES;

type Rule = { whenStepAtLeast: number; suggest: string[] };
type GuidanceForm = { ffssWarningFromStep: string; rules: Rule[]; btiServices: string };

function Guidance({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const key = ['guidance', ownerId];
  const guidance = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/guidance', { params: { path: { ownerId } } })),
  });
  const { problem, saved, saving, save, reload, conflict } = useVersionedSave(key);
  // Only what this person changed, laid over the stored guidance (so a reloaded version keeps these edits).
  const [edits, setEdits] = useState<Partial<GuidanceForm>>({});
  if (guidance.isPending) return <Spinner aria-label={tr('set.g.loading')} />;
  if (guidance.isError) return <Alert data-color="danger">{tr('set.g.failed')}</Alert>;
  const g = guidance.data as unknown as {
    version: number;
    changedAt: string | null;
    ffssWarningFromStep: number;
    rules: Rule[];
    btiServices?: string[];
    notice?: string;
  };
  const stored: GuidanceForm = {
    ffssWarningFromStep: String(g.ffssWarningFromStep),
    rules: g.rules,
    btiServices: (g.btiServices ?? []).join(', '),
  };
  const v: GuidanceForm = { ...stored, ...edits };
  const setDraft = (next: GuidanceForm) =>
    setEdits(
      Object.fromEntries(Object.entries(next).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(stored[k as keyof GuidanceForm]))),
    );
  const setRule = (i: number, rule: Rule) => setDraft({ ...v, rules: v.rules.map((r, j) => (j === i ? rule : r)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const services = v.btiServices
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    void save(
      () =>
        unwrap(
          api.PUT('/api/owners/{ownerId}/guidance', {
            params: { path: { ownerId } },
            body: {
              ffssWarningFromStep: Number(v.ffssWarningFromStep),
              rules: v.rules,
              ...(services.length ? { btiServices: services } : {}),
              expectedVersion: g.version,
            } as never,
          }),
        ),
      tr('set.g.what'),
    ).then((ok) => ok && setEdits({}));
  };
  return (
    <section aria-labelledby="omni" className="settings-section">
      <Heading level={2} data-size="md" id="omni">
        {tr('set.tab.omni')}
      </Heading>
      <Paragraph>{tr('set.g.intro')}</Paragraph>
      <VersionLine version={g.version} changedAt={g.changedAt} />
      <Conflict on={conflict} reload={() => void reload()} what={tr('set.g.what')} />
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          id="omni-ffss"
          label={tr('set.g.ffss')}
          description={tr('set.g.ffssHint')}
          type="number"
          min={1}
          max={5}
          readOnly={!mayChange}
          value={v.ffssWarningFromStep}
          error={
            problem?.fieldError('ffssWarningFromStep') ? norwegianMessage(problem.fieldError('ffssWarningFromStep') as string) : undefined
          }
          onChange={(e) => setDraft({ ...v, ffssWarningFromStep: e.target.value })}
        />
        {v.rules.map((r, i) => (
          <fieldset key={i} className="rule">
            <legend>{tr('set.g.rule', { n: i + 1 })}</legend>
            <Textfield
              label={tr('set.g.fromStep')}
              type="number"
              min={1}
              max={5}
              readOnly={!mayChange}
              value={String(r.whenStepAtLeast)}
              onChange={(e) => setRule(i, { ...r, whenStepAtLeast: Number(e.target.value) })}
            />
            {SUGGESTIONS.map((code) => (
              <label key={code} className="checkbox-line">
                <input
                  type="checkbox"
                  disabled={!mayChange}
                  checked={r.suggest.includes(code)}
                  onChange={(e) =>
                    setRule(i, { ...r, suggest: e.target.checked ? [...r.suggest, code] : r.suggest.filter((c) => c !== code) })
                  }
                />{' '}
                {tr(`set.g.s.${code}`)}
              </label>
            ))}
          </fieldset>
        ))}
        {mayChange && (
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => setDraft({ ...v, rules: [...v.rules, { whenStepAtLeast: 4, suggest: [] }] })}
          >
            {tr('set.g.addRule')}
          </Button>
        )}
        <Textfield
          id="omni-services"
          label={tr('set.g.services')}
          description={tr('set.g.servicesHint')}
          readOnly={!mayChange}
          value={v.btiServices}
          onChange={(e) => setDraft({ ...v, btiServices: e.target.value })}
        />
        <ProblemSummary
          problem={problem}
          fieldIds={{ ffssWarningFromStep: 'omni-ffss', btiServices: 'omni-services' }}
          labels={{ ffssWarningFromStep: tr('set.g.ffss') }}
        />
        {saved && <Alert data-color="success">{saved}</Alert>}
        {mayChange && (
          <Button type="submit" loading={saving}>
            {tr('set.g.save')}
          </Button>
        )}
      </form>
    </section>
  );
}

interface Preview {
  retentionYears: number | null;
  closedBefore: string | null;
  due: Array<{ caseId: string; unitId: string; closedAt: string }>;
  blocked: Array<{ caseId: string; unitId: string; closedAt: string; legalHold: string | null; code: string; reason: string }>;
}

function Retention({ ownerId, mayChange }: { ownerId: string; mayChange: boolean }) {
  const me = useMe();
  const qc = useQueryClient();
  const key = ['retention', ownerId];
  const retention = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/owners/{ownerId}/retention', { params: { path: { ownerId } } })),
  });
  const preview = useQuery({
    queryKey: ['retention-preview', ownerId],
    queryFn: () =>
      unwrap(api.GET('/api/owners/{ownerId}/retention/preview', { params: { path: { ownerId } } })) as unknown as Promise<Preview>,
  });
  const { problem, saved, saving, save, reload, conflict } = useVersionedSave(key);
  const [draft, setDraft] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [ran, setRan] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/owners/{ownerId}/retention/run', { params: { path: { ownerId } } })) as unknown as Promise<{
        anonymised: string[];
      }>,
    onSuccess: (r) => {
      dialog.current?.close();
      setRan(tr('set.r.ran', { n: r.anonymised.length }));
      void qc.invalidateQueries({ queryKey: ['retention-preview', ownerId] });
    },
  });
  if (retention.isPending) return <Spinner aria-label={tr('set.r.loading')} />;
  if (retention.isError) return <Alert data-color="danger">{tr('set.r.failed')}</Alert>;
  const r = retention.data as unknown as { retentionYears: number | null; version: number; changedAt: string | null };
  const years = draft ?? (r.retentionYears === null ? '' : String(r.retentionYears));
  const unitName = (id: string) => me.units.find((u) => u.id === id)?.name ?? '';
  const due = preview.data?.due ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(
      () =>
        unwrap(
          api.PUT('/api/owners/{ownerId}/retention', {
            params: { path: { ownerId } },
            body: { retentionYears: years.trim() === '' ? null : Number(years), expectedVersion: r.version },
          }),
        ),
      tr('set.r.what'),
    ).then((ok) => {
      if (ok) {
        setDraft(null);
        void qc.invalidateQueries({ queryKey: ['retention-preview', ownerId] });
      }
    });
  };
  return (
    <section aria-labelledby="sletting" className="settings-section">
      <Heading level={2} data-size="md" id="sletting">
        {tr('set.r.title')}
      </Heading>
      <Paragraph>{tr('set.r.intro')}</Paragraph>
      <VersionLine version={r.version} changedAt={r.changedAt} />
      <Conflict on={conflict} reload={() => void reload()} what={tr('set.r.whatLower')} />
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          id="sletting-aar"
          label={tr('set.r.years')}
          description={tr('set.r.yearsHint')}
          type="number"
          min={1}
          max={100}
          readOnly={!mayChange}
          value={years}
          error={problem?.fieldError('retentionYears') ? norwegianMessage(problem.fieldError('retentionYears') as string) : undefined}
          onChange={(e) => setDraft(e.target.value)}
        />
        <ProblemSummary
          problem={problem}
          fieldIds={{ retentionYears: 'sletting-aar' }}
          labels={{ retentionYears: tr('set.r.yearsShort') }}
        />
        {saved && <Alert data-color="success">{saved}</Alert>}
        {mayChange && (
          <Button type="submit" loading={saving}>
            {tr('set.r.save')}
          </Button>
        )}
      </form>
      <Heading level={3} data-size="sm">
        {tr('set.r.preview')}
      </Heading>
      {preview.isPending ? (
        <Spinner aria-label={tr('set.r.previewLoading')} />
      ) : !preview.data || preview.data.retentionYears === null ? (
        <Paragraph>{tr('set.r.never')}</Paragraph>
      ) : (
        <>
          <Paragraph data-due={due.length}>
            {tr('set.r.dueLine', {
              due: due.length,
              date: formatDate(String(preview.data.closedBefore)),
              blocked: preview.data.blocked.length,
            })}
          </Paragraph>
          <PreviewTable
            caption={tr('set.r.blockedCaption')}
            rows={preview.data.blocked.map((b) => [unitName(b.unitId), formatDate(b.closedAt), blockedReason(b)])}
          />
          {mayChange && due.length > 0 && (
            <Button type="button" data-color="danger" onClick={() => dialog.current?.showModal()}>
              {tr('set.r.run', { n: due.length })}
            </Button>
          )}
        </>
      )}
      {ran && <Alert data-color="success">{ran}</Alert>}
      <Dialog ref={dialog} closeButton={tr('set.r.cancel')}>
        <Dialog.Block>
          <Heading level={2} data-size="sm">
            {tr('set.r.confirmTitle', { n: due.length })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>{tr('set.r.confirmText', { n: due.length })}</Paragraph>
          <div className="row">
            <Button data-color="danger" loading={run.isPending} onClick={() => run.mutate()}>
              {tr('set.r.confirm', { n: due.length })}
            </Button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {tr('set.r.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}

function blockedReason(b: { legalHold: string | null; code: string; reason: string }): string {
  if (b.code === 'legal_hold') return tr('set.r.held', { reason: b.legalHold ?? '' });
  if (b.code === 'statsforvalteren') return tr('set.r.atSf');
  if (b.code === 'not_in_archive') return tr('set.r.notInArchive');
  return b.reason;
}

function PreviewTable({ caption, rows }: { caption: string; rows: ReactNode[][] }) {
  if (!rows.length) return null;
  return (
    <TableScroll label={caption}>
      <Table data-table="holdes-tilbake">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{tr('set.r.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{tr('set.r.closed')}</Table.HeaderCell>
            <Table.HeaderCell>{tr('set.r.why')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((cells, i) => (
            <Table.Row key={i}>
              {cells.map((c, j) => (
                <Table.Cell key={j}>{c}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
