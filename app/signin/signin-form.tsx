'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { problemFromCode, type SignInProblem } from '@/lib/auth/sign-in-problem';

export function SignInForm({ callbackPath, initialProblem }: { callbackPath: string; initialProblem: SignInProblem | null }) {
  const t = useTranslations('signIn');
  const router = useRouter();
  const [problem, setProblem] = useState<SignInProblem | null>(initialProblem);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    setProblem(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.push(callbackPath);
        router.refresh();
        return;
      }
      setProblem(problemFromCode(result?.error) ?? { kind: 'failed' });
    } catch {
      setProblem({ kind: 'failed' });
    }
    setIsPending(false);
  }

  return (
    <form method="post" onSubmit={onSubmit} className="card space-y-4" aria-describedby={problem ? 'signin-problem' : undefined}>
      {problem && (
        <p id="signin-problem" role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900">
          {problem.kind === 'tooManyAttempts' ? t('tooManyAttempts', problem.wait) : t(problem.kind)}
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor="email" className="label">
          {t('email')}
        </label>
        <input id="email" name="email" type="email" className="input" autoComplete="email" required />
      </div>
      <div className="space-y-1">
        <label htmlFor="password" className="label">
          {t('password')}
        </label>
        <input id="password" name="password" type="password" className="input" autoComplete="current-password" required />
      </div>
      <button type="submit" className="button" disabled={isPending} aria-disabled={isPending}>
        {isPending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
