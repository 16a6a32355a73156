'use client';
// The browser side of one shared stakeholder map: the Y.Doc (filled at once from the
// state the page rendered with), its websocket connection with a token that is renewed
// before it expires, the map as plain values, per-user undo, and presence.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { NEAR_FULL_PERCENT, type UpdateRefusal } from '@/lib/collab/document-limits';
import { listenForRefusals } from '@/lib/collab/listen-for-refusals';
import { createUndoManager } from '@/lib/stakeholder-map/document';
import { createMapStore, decodeDocumentState } from '@/lib/stakeholder-map/map-store';
import type { Position, StakeholderMapState } from '@/lib/stakeholder-map/model';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'static';

export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
  selection: string | null;
  cursor: Position | null;
}

interface TokenAnswer {
  token: string;
  url: string;
  access: 'edit' | 'view';
}

/** Tokens live 5 minutes; renewing every 4 keeps a reconnect from ever using a stale one. */
const TOKEN_RENEWAL_MS = 4 * 60 * 1000;

async function fetchToken(documentName: string): Promise<TokenAnswer | null> {
  const response = await fetch(`/api/collab/token?doc=${encodeURIComponent(documentName)}`, { cache: 'no-store' });
  return response.ok ? ((await response.json()) as TokenAnswer) : null;
}

const PALETTE = ['#b91c1c', '#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f'];

export function colorFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}

interface SharedDocumentOptions {
  documentName: string;
  initialState: string | null;
  /** Signed-in users connect; the public sees the state the page was rendered with. */
  connect: boolean;
  user: { id: string; name: string } | null;
}

/** One Y.Doc kept live over the collaboration server. */
export function useSharedDocument({ documentName, initialState, connect, user }: SharedDocumentOptions) {
  // Made once: a page refresh hands new initial state, but the live document already has it.
  const [doc] = useState(() => {
    const created = new Y.Doc();
    if (initialState) Y.applyUpdate(created, decodeDocumentState(initialState));
    return created;
  });
  const userId = user?.id;
  const userName = user?.name;
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>(connect ? 'connecting' : 'static');
  /** What the server grants now; it can drop to view while the page is open (invitation withdrawn, initiative archived). */
  const [grantedAccess, setGrantedAccess] = useState<'edit' | 'view' | null>(null);
  /**
   * Why the server refused a change of this page, if it did. The page's copy then holds
   * something the server does not, and later changes would build on it: the page stops
   * editing and asks to be reloaded.
   */
  const [refusal, setRefusal] = useState<Exclude<UpdateRefusal, 'read-only'> | 'unknown' | null>(null);

  useEffect(() => {
    if (!connect) return;
    let stopped = false;
    let created: WebsocketProvider | null = null;
    let renewal: ReturnType<typeof setInterval> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const fetchAccess = async () => {
      const answer = await fetchToken(documentName).catch(() => null);
      if (answer && !stopped) setGrantedAccess(answer.access);
      return answer;
    };
    const start = async (attempt: number) => {
      const answer = await fetchAccess();
      if (stopped) return;
      if (!answer) {
        // The page keeps every edit meanwhile; try again, less often each time.
        setStatus('disconnected');
        retry = setTimeout(() => void start(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
        return;
      }
      // No BroadcastChannel: every change must pass the server, which enforces read-only.
      created = new WebsocketProvider(answer.url, documentName, doc, { params: { token: answer.token }, disableBc: true });
      // A read-only refusal is the answer to what a viewing page sends on connecting; the
      // page already knows its access from the token (grantedAccess).
      listenForRefusals(created, (code) => {
        if (!stopped && code !== 'read-only') setRefusal((current) => current ?? code ?? 'unknown');
      });
      // Once a connection was lost, each new attempt says "connecting" again, and an
      // attempt that fails says nothing more: the page stays "offline" until one succeeds.
      created.on('status', ({ status: next }: { status: string }) =>
        setStatus((current) => (next === 'connected' ? 'connected' : next === 'connecting' && current === 'disconnected' ? current : next === 'connecting' ? 'connecting' : 'disconnected')),
      );
      created.on('connection-close', () => setStatus('disconnected'));
      if (userId && userName) created.awareness.setLocalStateField('user', { id: userId, name: userName, color: colorFor(userId) });
      const renew = async () => {
        const fresh = await fetchAccess();
        if (fresh && created) created.params = { token: fresh.token };
      };
      created.on('connection-close', () => void renew());
      renewal = setInterval(() => void renew(), TOKEN_RENEWAL_MS);
      setProvider(created);
    };
    void start(0);
    return () => {
      stopped = true;
      clearInterval(renewal);
      clearTimeout(retry);
      created?.destroy();
      setProvider(null);
    };
  }, [connect, doc, documentName, userId, userName]);

  return { doc, provider, status, grantedAccess, refusal };
}

/**
 * How full a document is, in whole percent of its size limit, counted as the server
 * counts it (its encoded state). Encoding a large document takes a while (tens of
 * milliseconds at a few MiB), so it starts from the size of the state the page was
 * rendered with and is measured only when that plus the bytes of the changes since
 * could be near the warning, at most every two seconds.
 */
export function useDocumentFullness(doc: Y.Doc, maxBytes: number, initialBytes: number): number {
  const [percent, setPercent] = useState(() => Math.floor((initialBytes * 100) / maxBytes));
  useEffect(() => {
    let measured = initialBytes;
    let sinceMeasure = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      timer = undefined;
      measured = Y.encodeStateAsUpdate(doc).byteLength;
      sinceMeasure = 0;
      setPercent(Math.floor((measured * 100) / maxBytes));
    };
    const onUpdate = (update: Uint8Array) => {
      sinceMeasure += update.byteLength;
      if ((measured + sinceMeasure) * 100 < maxBytes * (NEAR_FULL_PERCENT - 10)) return;
      timer ??= setTimeout(measure, 2000);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      clearTimeout(timer);
    };
  }, [doc, maxBytes, initialBytes]);
  return percent;
}

/** The map as plain values, read again only when the document changed. */
export function useMapState(doc: Y.Doc): StakeholderMapState {
  const store = useMemo(() => createMapStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** Undo and redo of this person's own edits; `origin` marks them. */
export function useOwnUndo(doc: Y.Doc, origin: unknown) {
  const manager = useRef<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    // Made here rather than during render, so that a remount gets a live one.
    const created = createUndoManager(doc, origin);
    manager.current = created;
    const onChange = () => setStacks({ canUndo: created.undoStack.length > 0, canRedo: created.redoStack.length > 0 });
    created.on('stack-item-added', onChange);
    created.on('stack-item-popped', onChange);
    created.on('stack-cleared', onChange);
    return () => {
      created.destroy();
      manager.current = null;
    };
  }, [doc, origin]);
  const undo = useCallback(() => void manager.current?.undo(), []);
  const redo = useCallback(() => void manager.current?.redo(), []);
  return { ...stacks, undo, redo };
}

function readCollaborator(clientId: number, state: Record<string, unknown>): Collaborator | null {
  const user = state.user as { name?: unknown; color?: unknown } | undefined;
  if (!user || typeof user.name !== 'string') return null;
  const cursor = state.cursor as { x?: unknown; y?: unknown } | null | undefined;
  return {
    clientId,
    name: user.name.slice(0, 100),
    color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#57534e',
    selection: typeof state.selection === 'string' ? state.selection : null,
    cursor: cursor && typeof cursor.x === 'number' && typeof cursor.y === 'number' ? { x: cursor.x, y: cursor.y } : null,
  };
}

/** Who else has the map open, with what they selected and where their pointer is. */
export function useCollaborators(provider: WebsocketProvider | null): Collaborator[] {
  const [collaborators, setCollaborators] = useState<Collaborator[]>([]);
  useEffect(() => {
    if (!provider) return;
    const { awareness } = provider;
    const onChange = () => {
      const others: Collaborator[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        const collaborator = readCollaborator(clientId, state);
        if (collaborator) others.push(collaborator);
      });
      setCollaborators(others);
    };
    awareness.on('change', onChange);
    onChange();
    return () => awareness.off('change', onChange);
  }, [provider]);
  return collaborators;
}
