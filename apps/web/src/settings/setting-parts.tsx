import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { formatDateTime } from '../format/time';
import { tr } from '../i18n/translate';

/** The version of a setting, and when it was changed (or that it is Trygg's default). */
export function VersionLine({ version, changedAt, isDefault }: { version: number; changedAt: string | null; isDefault?: boolean }) {
  return (
    <Paragraph data-size="sm" className="app-muted" data-version={version}>
      {tr('set.version', { version })}
      {isDefault ? tr('set.default') : changedAt ? tr('set.changed', { date: formatDateTime(changedAt) }) : ''}.
    </Paragraph>
  );
}

/** Someone else saved first: say so, keep what was typed, and offer their version. */
export function Conflict({ on, reload, what }: { on: boolean; reload: () => void; what: string }) {
  if (!on) return null;
  return (
    <Alert data-color="warning" role="alert">
      <Heading level={3} data-size="xs">
        {tr('set.conflict', { what })}
      </Heading>
      <Paragraph>{tr('set.conflictText')}</Paragraph>
      <Button variant="secondary" data-size="sm" onClick={reload}>
        {tr('set.reload')}
      </Button>
    </Alert>
  );
}
