import { Field, Label, Select } from '@digdir/designsystemet-react';

/** A labelled select with an "all" choice first: the filters of the case lists. */
export function ChoiceField({
  label,
  value,
  onChange,
  options,
  all = 'Alle',
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<[string, string]>;
  all?: string;
}) {
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value="">{all}</Select.Option>
        {options.map(([k, v]) => (
          <Select.Option key={k} value={k}>
            {v}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
