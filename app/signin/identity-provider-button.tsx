'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Sign-in through the city's identity provider: next-auth leaves for the provider and comes back to `callbackPath`. */
export function IdentityProviderButton({ providerId, label, pendingLabel, callbackPath }: { providerId: string; label: string; pendingLabel: string; callbackPath: string }) {
  const [isPending, setIsPending] = useState(false);
  return (
    <button
      type="button"
      className="button-secondary w-full"
      disabled={isPending}
      aria-disabled={isPending}
      onClick={() => {
        setIsPending(true);
        void signIn(providerId, { callbackUrl: callbackPath }).catch(() => setIsPending(false));
      }}
    >
      {isPending ? pendingLabel : label}
    </button>
  );
}
