import { signOutAction } from '@/app/signed-out/actions';

/** A plain form, so signing out works without JavaScript. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="button-secondary py-1 text-sm">
        {label}
      </button>
    </form>
  );
}
