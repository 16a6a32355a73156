// The store the map page reads the shared document through, the grid's rules, and the pace of drag writes.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addStakeholder, newStakeholderFields, updateStakeholder } from '@/lib/stakeholder-map/document';
import { DRAG_WRITE_INTERVAL_MS, createDragWriter } from '@/lib/stakeholder-map/drag-writer';
import { moveOnGrid, quadrantOf } from '@/lib/stakeholder-map/grid';
import { createMapStore, decodeDocumentState, encodeDocumentState } from '@/lib/stakeholder-map/map-store';

function manualFrames() {
  const queued: Array<() => void> = [];
  return { schedule: (callback: () => void) => void queued.push(callback), runFrame: () => queued.splice(0).forEach((callback) => callback()), pending: () => queued.length };
}

describe('map store', () => {
  it('tells its listeners once per frame however many updates arrived', () => {
    const doc = new Y.Doc();
    const frames = manualFrames();
    const store = createMapStore(doc, frames.schedule);
    let heard = 0;
    store.subscribe(() => (heard += 1));
    const id = addStakeholder(doc, newStakeholderFields('ngo', { name: 'Green Streets' }));
    for (let power = 1; power <= 5; power += 1) updateStakeholder(doc, id, { power });
    expect(heard).toBe(0);
    expect(frames.pending()).toBe(1);
    frames.runFrame();
    expect(heard).toBe(1);
    expect(store.getSnapshot().stakeholders[0]).toMatchObject({ name: 'Green Streets', power: 5 });
  });

  it('hands out the same snapshot until the document changes', () => {
    const doc = new Y.Doc();
    const store = createMapStore(doc, (callback) => callback());
    const unsubscribe = store.subscribe(() => {});
    const first = store.getSnapshot();
    expect(store.getSnapshot()).toBe(first);
    addStakeholder(doc, newStakeholderFields('citizens', { name: 'Neighbours' }));
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['Neighbours']);
    unsubscribe();
  });

  it('reads changes made while nobody listened once someone listens again', () => {
    const doc = new Y.Doc();
    const store = createMapStore(doc, (callback) => callback());
    const unsubscribe = store.subscribe(() => {});
    expect(store.getSnapshot().stakeholders).toHaveLength(0);
    unsubscribe();
    addStakeholder(doc, newStakeholderFields('ngo', { name: 'Added while away' }));
    store.subscribe(() => {});
    expect(store.getSnapshot().stakeholders.map((stakeholder) => stakeholder.name)).toEqual(['Added while away']);
  });

  it('carries a document to the browser as text and back', () => {
    const doc = new Y.Doc();
    addStakeholder(doc, newStakeholderFields('ngo', { name: 'Ñandú Verde' }));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, decodeDocumentState(encodeDocumentState(doc)));
    expect(createMapStore(copy).getSnapshot().stakeholders[0]?.name).toBe('Ñandú Verde');
  });
});

describe('power/interest grid', () => {
  it.each([
    [5, 5, 'manage_closely'],
    [3, 3, 'manage_closely'],
    [4, 2, 'keep_satisfied'],
    [2, 4, 'keep_informed'],
    [2, 2, 'monitor'],
    [1, 1, 'monitor'],
  ] as const)('power %i and interest %i: %s', (power, interest, quadrant) => {
    expect(quadrantOf(power, interest)).toBe(quadrant);
  });

  it('moves a card with the arrow keys and stops at the edges', () => {
    expect(moveOnGrid({ power: 3, interest: 3 }, 'ArrowUp')).toEqual({ power: 4, interest: 3 });
    expect(moveOnGrid({ power: 3, interest: 3 }, 'ArrowDown')).toEqual({ power: 2, interest: 3 });
    expect(moveOnGrid({ power: 3, interest: 3 }, 'ArrowRight')).toEqual({ power: 3, interest: 4 });
    expect(moveOnGrid({ power: 3, interest: 3 }, 'ArrowLeft')).toEqual({ power: 3, interest: 2 });
    expect(moveOnGrid({ power: 5, interest: 1 }, 'ArrowUp')).toEqual({ power: 5, interest: 1 });
    expect(moveOnGrid({ power: 1, interest: 1 }, 'ArrowLeft')).toEqual({ power: 1, interest: 1 });
  });
});

describe('dragging on the network', () => {
  it('writes a dragged position at most about 15 times a second, and always where it was let go', () => {
    const writes: Array<{ id: string; x: number; at?: number }> = [];
    let now = 0;
    const writer = createDragWriter((id, position) => writes.push({ id, x: position.x, at: now }));
    // A pointer moving every 4 ms for one second.
    for (now = 0; now <= 1000; now += 4) writer.move('card', { x: now, y: 0 }, now);
    expect(writes.length).toBeGreaterThanOrEqual(14);
    expect(writes.length).toBeLessThanOrEqual(16);
    expect(writes.every((write, index) => index === 0 || write.at! - writes[index - 1]!.at! >= DRAG_WRITE_INTERVAL_MS)).toBe(true);
    expect(writer.isDragging('card')).toBe(true);
    writer.end('card', { x: 1003, y: 0 });
    expect(writes.at(-1)).toMatchObject({ id: 'card', x: 1003 });
    expect(writer.isDragging('card')).toBe(false);
  });

  it('writes the first move of a drag at once, and keeps each card’s pace apart', () => {
    const writes: string[] = [];
    const writer = createDragWriter((id) => writes.push(id));
    writer.move('a', { x: 1, y: 1 }, 1000);
    writer.move('b', { x: 1, y: 1 }, 1001);
    writer.move('a', { x: 2, y: 2 }, 1010);
    expect(writes).toEqual(['a', 'b']);
  });
});
