'use client';

// Printing works from the browser's own menu anyway; the button is a shortcut that
// needs JavaScript, so it only appears once the page runs in the browser.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function PrintButton({ label }: { label: string }) {
  const isInBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!isInBrowser) return null;
  return (
    <button type="button" className="button-secondary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
