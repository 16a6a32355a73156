'use client';
// One initiative's stakeholder map, live: the three views (network, power/interest
// grid, summary table), the side panel, presence, undo, and the panels beside the map.
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent } from 'react';
import * as Y from 'yjs';
import { countStakeholders } from '@/lib/stakeholder-map/analysis';
import { readContacts } from '@/lib/stakeholder-map/contacts';
import { createDocumentStore } from '@/lib/stakeholder-map/map-store';
import { newStakeholderFields } from '@/lib/stakeholder-map/document';
import type { Position, Stakeholder, StakeholderFields } from '@/lib/stakeholder-map/model';
import { MAP_VIEWS, type MapView, type StakeholderCategory } from '@/lib/stakeholder-map/vocabulary';
import { GridView } from './grid-view';
import { HistoryPanel, type HistoryEntry } from './history-panel';
import { NetworkView } from './network-view';
import { AnalysisPanel, PresenceList, StarterChecklist } from './side-panels';
import { StakeholderEditor, type OrganizationOption } from './stakeholder-editor';
import { TableView } from './table-view';
import { useMapEditing } from './use-map-editing';
import { RefusalNotice, SizeWarning } from './size-notices';
import { colorFor, useCollaborators, useMapState, useOwnUndo, useSharedDocument } from './use-shared-map';


export interface MapWorkspaceProps {
  initiativeId: string;
  slug: string;
  mapDocument: string;
  contactsDocument: string | null;
  initialMap: string | null;
  initialContacts: string | null;
  access: 'edit' | 'view';
  user: { id: string; name: string } | null;
  organizations: OrganizationOption[];
  initialView: MapView;
  history: HistoryEntry[] | null;
  /** The collaboration server's size limit of a document (COLLAB_MAX_DOCUMENT_BYTES). */
  maxDocumentBytes: number;
}

const NO_CONTACTS = { subscribe: () => () => {}, getSnapshot: () => null };

function useContacts(doc: Y.Doc | null): ReadonlyMap<string, string> | null {
  const store = useMemo(() => (doc ? createDocumentStore(doc, readContacts) : NO_CONTACTS), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}

/** Where a new stakeholder first appears in the network: below the others, six to a row. */
function nextPosition(stakeholders: readonly Stakeholder[]): Position {
  const bottom = stakeholders.reduce((lowest, { position }) => Math.max(lowest, position.y), 0);
  return { x: (stakeholders.length % 6) * 240, y: bottom + 180 };
}

export function MapWorkspace(props: MapWorkspaceProps) {
  const t = useTranslations('stakeholderMap');
  const tc = useTranslations('stakeholders');
  const { initiativeId, slug, access, user, organizations } = props;
  const connect = user !== null;
  const map = useSharedDocument({ documentName: props.mapDocument, initialState: props.initialMap, connect, user });
  const contactsShared = useSharedDocument({ documentName: props.contactsDocument ?? '', initialState: props.initialContacts, connect: connect && props.contactsDocument !== null, user: null });
  const contacts = useContacts(props.contactsDocument ? contactsShared.doc : null);
  const state = useMapState(map.doc);
  // The page was rendered with the access of that moment; the server may grant less since.
  const isRevoked = access === 'edit' && map.grantedAccess === 'view';
  // After a refused change this page's copy differs from the saved map: no more edits until a reload.
  const refusal = map.refusal ?? contactsShared.refusal;
  const readOnly = access !== 'edit' || isRevoked || refusal !== null;

  const [origin] = useState(() => ({ editor: user?.id ?? 'public' }));
  const editing = useMapEditing({ doc: map.doc, contactsDoc: props.contactsDocument ? contactsShared.doc : null, origin, readOnly });
  const undo = useOwnUndo(map.doc, origin);
  const collaborators = useCollaborators(map.provider);
  const [view, setView] = useState<MapView>(props.initialView);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<StakeholderFields | null>(null);
  const [notice, setNotice] = useState('');
  const counts = useMemo(() => countStakeholders(state), [state]);
  const names = useMemo(() => new Map(state.stakeholders.map((stakeholder) => [stakeholder.id, stakeholder.name || t('unnamed')])), [state, t]);
  const selected = state.stakeholders.find((stakeholder) => stakeholder.id === selectedId) ?? null;
  const isSelectedGone = selectedId !== null && selected === null && draft === null;
  /** What opened the side panel, to give the keyboard back to it when the panel closes. */
  const opener = useRef<HTMLElement | null>(null);

  // Others see what this person has selected; the selection itself is not stored.
  useEffect(() => {
    map.provider?.awareness.setLocalStateField('selection', selected ? selected.id : null);
  }, [map.provider, selected]);

  const onCursor = useCallback((position: Position | null) => map.provider?.awareness.setLocalStateField('cursor', position), [map.provider]);
  const open = useCallback((id: string | null) => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('aside')) opener.current = document.activeElement;
    setDraft(null);
    setSelectedId(id);
  }, []);
  const close = useCallback(() => {
    setDraft(null);
    setSelectedId(null);
    // Back where the person was: the row, card or button that opened the panel.
    const target = opener.current?.isConnected ? opener.current : document.querySelector<HTMLElement>('[data-map-toolbar] button, [data-map-toolbar] a');
    requestAnimationFrame(() => target?.focus());
  }, []);

  const onAddFromChecklist = (category: StakeholderCategory) => {
    const result = editing.addStakeholder(
      newStakeholderFields(category, { name: tc(`category.${category}`), position: nextPosition(state.stakeholders) }),
    );
    if (result.ok && result.id) open(result.id);
  };

  const onAddNew = () => {
    if (document.activeElement instanceof HTMLElement) opener.current = document.activeElement;
    setSelectedId(null);
    setDraft(newStakeholderFields('other', { position: nextPosition(state.stakeholders) }));
  };

  const onTab = (event: MouseEvent<HTMLAnchorElement>, next: MapView) => {
    event.preventDefault();
    setView(next);
    window.history.replaceState(null, '', `?view=${next}`);
  };

  const exportBase = `/initiatives/${slug}/stakeholder-map`;
  const me = user ? { name: user.name, color: colorFor(user.id) } : null;

  return (
    <div className="space-y-4" data-testid="map-workspace" data-initiative={initiativeId} data-status={map.status} data-access={readOnly ? 'view' : 'edit'}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role={isRevoked ? 'alert' : undefined}>{user ? t(isRevoked ? 'access.revoked' : `access.${access}`) : t('access.public')}</p>
        <p role="status" className="text-sm font-medium" data-testid="connection-status">
          {t(`status.${map.status}`)}
        </p>
      </div>
      {refusal ? (
        <RefusalNotice refusal={refusal} maxBytes={props.maxDocumentBytes} />
      ) : (
        access === 'edit' && <SizeWarning doc={map.doc} maxBytes={props.maxDocumentBytes} initialState={props.initialMap} />
      )}
      {user && <PresenceList me={me} collaborators={collaborators} names={names} />}
      {/* nokey: React Flow's Delete key must not act while the focus is out of the graph. */}
      <div className="nokey flex flex-wrap items-center gap-2" data-map-toolbar>
        {!readOnly && (
          <>
            <button type="button" className="button" onClick={onAddNew}>
              {t('toolbar.add')}
            </button>
            <button type="button" className="button-secondary" onClick={() => editing.afterUndo(undo.undo)} disabled={!undo.canUndo}>
              {t('toolbar.undo')}
            </button>
            <button type="button" className="button-secondary" onClick={() => editing.afterUndo(undo.redo)} disabled={!undo.canRedo}>
              {t('toolbar.redo')}
            </button>
          </>
        )}
        <span className="ml-auto text-sm">{t('toolbar.export')}:</span>
        <a href={`${exportBase}.csv`} download>
          {t('toolbar.exportCsv')}
        </a>
        <a href={`${exportBase}.json`} download>
          {t('toolbar.exportJson')}
        </a>
        <a href={`${exportBase}.graphml`} download>
          {t('toolbar.exportGraphml')}
        </a>
      </div>
      <p role="status" className="sr-only">
        {notice}
      </p>
      {/* Links to the three views (they work without JavaScript); with it, switching keeps the live connection. */}
      <nav aria-label={t('tabs.label')} className="nokey flex gap-1 border-b border-stone-300">
        {MAP_VIEWS.map((candidate) => (
          <a
            key={candidate}
            href={`?view=${candidate}`}
            aria-current={view === candidate ? 'page' : undefined}
            onClick={(event) => onTab(event, candidate)}
            className={`rounded-t border border-b-0 px-3 py-1 ${view === candidate ? 'border-stone-400 bg-white font-semibold' : 'border-transparent'}`}
          >
            {t(`tabs.${candidate}`)}
          </a>
        ))}
      </nav>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0">
          {state.stakeholders.length === 0 && <p className="mb-2">{readOnly ? t('empty') : t('emptyEditable')}</p>}
          {view === 'network' && <NetworkView stakeholders={state.stakeholders} relations={state.relations} names={names} editing={editing} selectedId={selectedId} collaborators={collaborators} onSelect={open} onCursor={onCursor} />}
          {view === 'grid' && (
            <GridView
              stakeholders={state.stakeholders}
              readOnly={readOnly}
              selectedId={selectedId}
              collaborators={collaborators}
              onOpen={open}
              onRate={(id, rating) => editing.updateStakeholder(id, rating)}
            />
          )}
          {view === 'table' && <TableView stakeholders={state.stakeholders} relations={state.relations} readOnly={readOnly} selectedId={selectedId} onOpen={open} />}
        </div>
        <aside className="nokey space-y-4">
          {isSelectedGone && <GoneNotice onClose={close} />}
          {(selected || draft) && (
            <StakeholderEditor
              subject={selected ? { kind: 'existing', stakeholder: selected } : { kind: 'new', fields: draft! }}
              stakeholders={state.stakeholders}
              relations={state.relations}
              editing={editing}
              organizations={organizations}
              contact={contacts ? (selected ? (contacts.get(selected.id) ?? '') : '') : undefined}
              onClose={close}
              onCreated={(id) => setSelectedId(id)}
              onDeleted={(name) => {
                close();
                setNotice(t('editor.deleted', { name }));
              }}
            />
          )}
          {!readOnly && <StarterChecklist counts={counts} onAdd={onAddFromChecklist} />}
          <AnalysisPanel state={state} />
          {props.history && <HistoryPanel initiativeId={initiativeId} initial={props.history} />}
        </aside>
      </div>
    </div>
  );
}

/** Someone else deleted the stakeholder this person had open. */
function GoneNotice({ onClose }: { onClose(): void }) {
  const t = useTranslations('stakeholderMap');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="gone-heading" className="card space-y-2" role="alert">
      <h2 id="gone-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {t('editor.gone')}
      </h2>
      <button type="button" className="button-secondary" onClick={onClose}>
        {t('editor.close')}
      </button>
    </section>
  );
}
