import type { ReactNode } from 'react';

/** A wide table scrolls inside its own region on a narrow screen, and that region can be reached by keyboard. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
