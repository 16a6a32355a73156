// Positions written while a stakeholder is dragged on the network. Every pointer move
// would be a change sent to everyone and stored; at most one write per interval keeps
// the card moving smoothly for the others (about 15 times a second) and the document
// small, and the drop is always written so the card ends where it was let go.
import type { Position } from './model';

export const DRAG_WRITE_INTERVAL_MS = 66;

export interface DragWriter {
  /** The card moved; `now` in milliseconds (performance.now()). */
  move(id: string, position: Position, now: number): void;
  /** The card was let go there. */
  end(id: string, position: Position): void;
  /** While true, the document's position of this card is older than what this person sees. */
  isDragging(id: string): boolean;
}

export function createDragWriter(write: (id: string, position: Position) => void, intervalMs = DRAG_WRITE_INTERVAL_MS): DragWriter {
  const lastWrite = new Map<string, number>();
  return {
    move(id, position, now) {
      const last = lastWrite.get(id);
      if (last !== undefined && now - last < intervalMs) return;
      lastWrite.set(id, now);
      write(id, position);
    },
    end(id, position) {
      lastWrite.delete(id);
      write(id, position);
    },
    isDragging: (id) => lastWrite.has(id),
  };
}
