// The power/interest grid (Mendelow's matrix, as used in stakeholder analysis): where a
// stakeholder sits and what that asks of the initiative.
import { RATING_MAX, RATING_MIN } from './vocabulary';

export const QUADRANTS = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** On a 1–5 scale the middle value counts as high: a 3 in power can already block a project. */
export const HIGH_FROM = 3;

export function quadrantOf(power: number, interest: number): Quadrant {
  const highPower = power >= HIGH_FROM;
  const highInterest = interest >= HIGH_FROM;
  if (highPower) return highInterest ? 'manage_closely' : 'keep_satisfied';
  return highInterest ? 'keep_informed' : 'monitor';
}

export type GridKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

const clamp = (value: number) => Math.min(RATING_MAX, Math.max(RATING_MIN, value));

/** Where an arrow key moves a card: up and down change power, left and right interest. */
export function moveOnGrid({ power, interest }: { power: number; interest: number }, key: GridKey): { power: number; interest: number } {
  switch (key) {
    case 'ArrowUp':
      return { power: clamp(power + 1), interest };
    case 'ArrowDown':
      return { power: clamp(power - 1), interest };
    case 'ArrowRight':
      return { power, interest: clamp(interest + 1) };
    case 'ArrowLeft':
      return { power, interest: clamp(interest - 1) };
  }
}
