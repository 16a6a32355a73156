import type { ReactNode } from 'react';

/** A section of a channel page, named by its heading for assistive technology. */
export function PageSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
