'use client';

// A navigation link that tells assistive technology (aria-current) and sighted users
// which page they are on.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export function NavLink({ href, children, exact = false }: { href: string; children: ReactNode; exact?: boolean }) {
  const pathname = usePathname();
  const isCurrent = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={isCurrent ? 'page' : undefined} className={isCurrent ? 'font-semibold text-brand-800' : undefined}>
      {children}
    </Link>
  );
}
