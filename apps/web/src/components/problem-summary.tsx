import { tr } from '../i18n/translate';
import { ErrorSummary } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import type { ApiProblem } from '../api/client';

/**
 * The errors of a refused form, above its submit button: each links to its field. Focus moves
 * here when it appears, so a screen reader says what went wrong.
 */
export function ProblemSummary({
  problem,
  fieldIds,
  labels,
}: {
  problem: ApiProblem | null;
  fieldIds: Record<string, string>;
  labels: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem || problem.status !== 422 || !problem.problem.errors?.length) return null;
  return (
    <div ref={ref} tabIndex={-1} className="problem-summary">
      <ErrorSummary>
        <ErrorSummary.Heading>{tr('common.fixBeforeSending')}</ErrorSummary.Heading>
        <ErrorSummary.List>
          {problem.problem.errors.map((e) => (
            <ErrorSummary.Item key={`${e.field}-${e.message}`}>
              <ErrorSummary.Link href={`#${fieldIds[e.field] ?? ''}`}>
                {labels[e.field] ?? e.field}: {norwegianMessage(e.message)}
              </ErrorSummary.Link>
            </ErrorSummary.Item>
          ))}
        </ErrorSummary.List>
      </ErrorSummary>
    </div>
  );
}

/** The API's field rules, said in Norwegian where we know them. */
export function norwegianMessage(message: string): string {
  if (/should not be empty|must be longer|must not be empty|is required|must be a string/.test(message)) return tr('common.rule.required');
  if (/must be one of/.test(message)) return tr('common.rule.oneOf');
  if (/ISO 8601|date/.test(message)) return tr('common.rule.date');
  if (/UUID/.test(message)) return tr('common.rule.fromList');
  return message;
}
