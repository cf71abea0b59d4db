import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Spinner,
  Textarea,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, ApiProblem, unwrap } from '../api/client';
import { fetchStaircase, GroupStaircase } from '../omni/omni-panel';
import { norwegianMessage } from '../components/problem-summary';
import { useDraft } from '../session/draft';
import { useMe } from '../session/session';
import { NotFoundPage } from './not-found-page';
import { STEP_LABEL } from '../app/words';
import { useLanguage } from '../i18n/language';

/** A group's Omni-trappa outside any case: where it stands, its history, and a new assessment (e.g. twice a year). */
export function GroupPage() {
  const { groupId = '' } = useParams();
  const me = useMe();
  const { t } = useLanguage();
  const qc = useQueryClient();
  const s = useQuery({ queryKey: ['staircase', groupId], queryFn: () => fetchStaircase(groupId) });
  const [form, setForm, clear] = useDraft<{ step: string; basis: string }>(`gruppe:${groupId}`, { step: '', basis: '' });
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  if (s.isPending) return <Spinner aria-label={t('group.loading')} data-size="lg" />;
  if (s.isError) return <NotFoundPage what="group" />;
  const unitRole = me.roles.some((r) => (r.role === 'staff' || r.role === 'principal') && r.unitId === s.data.unitId);
  const err = (f: string) => (problem?.fieldError(f) ? norwegianMessage(problem.fieldError(f) as string) : undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setSaved(false);
    try {
      const next = await unwrap(
        api.POST('/api/groups/{groupId}/staircase', {
          params: { path: { groupId } },
          body: { step: Number(form.step), basis: form.basis } as never,
        }),
      );
      qc.setQueryData(['staircase', groupId], next);
      clear();
      setForm({ step: '', basis: '' });
      setSaved(true);
    } catch (x) {
      setProblem(x instanceof ApiProblem ? x : new ApiProblem({ status: 0, detail: t('common.failed') }));
    }
  };
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('group.title', { group: s.data.name })}
      </Heading>
      <Paragraph>{t('group.intro')}</Paragraph>
      <GroupStaircase s={s.data} headingLevel={2} />
      {unitRole && (
        <form onSubmit={submit} noValidate className="form">
          <Heading level={2} data-size="sm">
            {t('group.new')}
          </Heading>
          <Fieldset>
            <Fieldset.Legend>{t('group.which')}</Fieldset.Legend>
            {Object.entries(STEP_LABEL).map(([step, label]) => (
              <Radio
                key={step}
                name="step"
                value={step}
                label={`${step}: ${label}`}
                checked={form.step === step}
                onChange={() => setForm({ ...form, step })}
              />
            ))}
            {err('step') && <ValidationMessage>{err('step')}</ValidationMessage>}
          </Fieldset>
          <Field>
            <Label>{t('group.basis')}</Label>
            <Textarea
              value={form.basis}
              rows={3}
              aria-invalid={!!err('basis')}
              onChange={(e) => setForm({ ...form, basis: e.target.value })}
            />
            {err('basis') && <ValidationMessage>{err('basis')}</ValidationMessage>}
          </Field>
          {saved && <Alert data-color="success">{t('group.saved')}</Alert>}
          {problem && problem.status !== 422 && <Alert data-color="danger">{problem.message}</Alert>}
          <Button type="submit">{t('group.save')}</Button>
        </form>
      )}
    </div>
  );
}
