import { tr } from '../i18n/translate';
import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Label,
  Paragraph,
  Radio,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import type { ApiProblem, CaseView } from '../api/client';
import { norwegianMessage, ProblemSummary } from '../components/problem-summary';
import { inputToIso } from '../format/time';
import { useDraft } from '../session/draft';
import { COMMAND_FORMS, type FieldSpec, type FormContext, writtenFieldOf } from './command-forms';

const fieldId = (type: string, name: string) => `cmd-${type}-${name}`;

/** One command's form, from its row in COMMAND_FORMS; the values survive errors, conflicts and reloads. */
export function CommandFormView(props: {
  type: string;
  c: CaseView;
  ctx: FormContext;
  problem: ApiProblem | null;
  sending: boolean;
  onSubmit: (payload: Record<string, unknown>, done: () => void) => void;
  onCancel: () => void;
}) {
  const { type, c, ctx, problem } = props;
  const form = COMMAND_FORMS[type];
  const initial = Object.fromEntries(form.fields.map((f) => [f.name, f.initial?.(c, ctx) ?? (f.kind === 'checkbox' ? false : '')]));
  const [values, setValues, clear] = useDraft<Record<string, unknown>>(`${c.id}:${type}`, initial);
  const visible = form.fields.filter((f) => !f.when || f.when(values));
  const err = (name: string) => {
    const m = problem?.fieldError(
      name === 'correctedText' ? `corrected.${writtenFieldOf(ctx.history.find((e) => String(e.seq) === values.seq))}` : name,
    );
    return m ? norwegianMessage(m) : undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const raw: Record<string, unknown> = {};
    for (const f of visible) {
      const v = values[f.name];
      if (f.optional && (v === '' || v === undefined)) continue;
      raw[f.name] = f.kind === 'datetime' && typeof v === 'string' && v ? inputToIso(v) : v;
    }
    if (type === 'CORRECT_ENTRY') raw.field = writtenFieldOf(ctx.history.find((e) => String(e.seq) === values.seq));
    props.onSubmit(form.payload ? form.payload(raw) : raw, clear);
  };

  const labels = Object.fromEntries(form.fields.map((f) => [f.name, f.label]));
  const ids = Object.fromEntries(form.fields.map((f) => [f.name, fieldId(type, f.name)]));
  const intro = form.intro?.(c, ctx.words);
  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby={`cmd-${type}-title`}>
      {intro && <Paragraph>{intro}</Paragraph>}
      {visible.map((f) => (
        <FieldInput
          key={f.name}
          f={f}
          id={fieldId(type, f.name)}
          value={values[f.name]}
          error={err(f.name)}
          options={f.options?.(c, ctx) ?? []}
          onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))}
        />
      ))}
      <ProblemSummary problem={problem} fieldIds={ids} labels={labels} />
      <div className="row">
        <Button type="submit" loading={props.sending}>
          {form.submit}
        </Button>
        <Button type="button" variant="tertiary" onClick={props.onCancel}>
          {tr('cmd.cancel')}
        </Button>
      </div>
    </form>
  );
}

function FieldInput({
  f,
  id,
  value,
  error,
  options,
  onChange,
}: {
  f: FieldSpec;
  id: string;
  value: unknown;
  error?: string;
  options: Array<[string, string]>;
  onChange: (v: unknown) => void;
}) {
  const optional = f.optional ? ` ${tr('cmd.optional')}` : '';
  switch (f.kind) {
    case 'textarea':
      return (
        <Textfield
          id={id}
          label={f.label + optional}
          description={f.description}
          multiline
          rows={4}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    case 'text':
      return (
        <Textfield
          id={id}
          label={f.label + optional}
          description={f.description}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    case 'datetime':
    case 'date':
      return (
        <Textfield
          id={id}
          label={f.label + optional}
          type={f.kind === 'date' ? 'date' : 'datetime-local'}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
          error={error}
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          id={id}
          label={f.label}
          description={f.description}
          checked={Boolean(value)}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'select':
      return (
        <Field>
          <Label htmlFor={id}>{f.label}</Label>
          <Select id={id} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
            <Select.Option value="">{tr('cmd.choose')}</Select.Option>
            {options.map(([v, l]) => (
              <Select.Option key={v} value={v}>
                {l}
              </Select.Option>
            ))}
          </Select>
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Field>
      );
    case 'radio':
      return (
        <Fieldset>
          <Fieldset.Legend>{f.label}</Fieldset.Legend>
          {options.map(([v, l], i) => (
            <Radio
              key={v}
              id={i === 0 ? id : `${id}-${i}`}
              name={id}
              value={v}
              label={l}
              checked={value === v}
              onChange={() => onChange(v)}
            />
          ))}
          {error && <ValidationMessage>{error}</ValidationMessage>}
        </Fieldset>
      );
  }
}
