import { tr } from '../i18n/translate';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem } from '../api/client';

/**
 * Saving a versioned setting: the form keeps what was typed whatever happens. A 422 names the
 * fields; a 409 means someone else saved first, and the page offers their version without
 * throwing away this one.
 */
export function useVersionedSave(queryKey: unknown[]) {
  const qc = useQueryClient();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (send: () => Promise<unknown>, what: string) => {
    setSaving(true);
    setProblem(null);
    setSaved(null);
    try {
      const next = await send();
      qc.setQueryData(queryKey, next);
      setSaved(tr('common.saved', { what }));
      return true;
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e : new ApiProblem({ status: 0, detail: tr('common.failed') }));
      return false;
    } finally {
      setSaving(false);
    }
  };
  const reload = () => {
    setProblem(null);
    return qc.invalidateQueries({ queryKey });
  };
  return { problem, saved, saving, save, reload, conflict: problem?.status === 409 };
}
