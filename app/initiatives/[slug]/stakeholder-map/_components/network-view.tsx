'use client';
// The network of stakeholders and relations, drawn with React Flow. Positions live in
// the shared document; while this person drags, the card follows the pointer locally
// and the document gets the position at most ~15 times a second, so a drag neither
// floods the others nor stores every pixel. Selection and drag state stay local.
import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position as HandlePosition,
  ReactFlow,
  ReactFlowProvider,
  ViewportPortal,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import { useTranslations } from 'next-intl';
import { memo, useCallback, useMemo, useRef, useState, type PointerEvent } from 'react';
import { DRAG_WRITE_INTERVAL_MS, createDragWriter } from '@/lib/stakeholder-map/drag-writer';
import type { Position, Relation, Stakeholder } from '@/lib/stakeholder-map/model';
import { categoryColor } from './category-colors';
import type { Collaborator } from './use-shared-map';
import type { MapEditing } from './use-map-editing';

/**
 * No closer than life size: a map opened empty is fitted to its first card when that
 * card arrives, and at React Flow's default 200 % the next card, placed below it, fell
 * outside the pane where nobody could reach its handles.
 */
const INITIAL_FIT = { minZoom: 0.45, maxZoom: 1 };
/**
 * Up to this many stakeholders every node is drawn; beyond, only those on screen. Not
 * always: with on-screen drawing, stakeholders added to a map someone had opened empty
 * did not appear for them (seen in tests/e2e/stakeholder-map.spec.ts).
 */
const DRAW_ALL_UP_TO = 150;
const NODE_WIDTH = 176;
const NODE_HEIGHT = 44;

/** Pointer positions go to the others as often as dragged positions do. */
const CURSOR_WRITE_INTERVAL_MS = DRAG_WRITE_INTERVAL_MS;

type StakeholderNodeData = { stakeholder: Stakeholder; label: string; roleLetter: string; watcher: { name: string; color: string } | null };
type StakeholderNode = Node<StakeholderNodeData, 'stakeholder'>;

const StakeholderNodeView = memo(function StakeholderNodeView({ data, selected }: NodeProps<StakeholderNode>) {
  const { stakeholder, label, roleLetter, watcher } = data;
  return (
    <div
      className={`relative w-44 rounded-md border-2 bg-white px-2 py-1 text-xs shadow ${selected ? 'ring-2 ring-stone-900' : ''}`}
      style={{ borderColor: categoryColor(stakeholder.category), outline: watcher ? `3px dashed ${watcher.color}` : undefined, outlineOffset: 3 }}
      data-stakeholder-node={stakeholder.id}
    >
      <Handle type="target" position={HandlePosition.Left} />
      <div className="flex items-start gap-1">
        <span
          aria-hidden="true"
          className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[10px] font-bold text-white ${stakeholder.lfaRole === 'affected_opponent' ? 'bg-red-700' : 'bg-stone-700'}`}
        >
          {roleLetter}
        </span>
        <span className="font-semibold break-words">{label}</span>
      </div>
      {watcher && (
        <span className="absolute -top-5 left-0 rounded px-1 text-[10px] text-white" style={{ background: watcher.color }}>
          {watcher.name}
        </span>
      )}
      <Handle type="source" position={HandlePosition.Right} />
    </div>
  );
});

const NODE_TYPES = { stakeholder: StakeholderNodeView };

interface NetworkViewProps {
  stakeholders: readonly Stakeholder[];
  relations: readonly Relation[];
  /** Display names by stakeholder id ("Unnamed stakeholder" for a blank one). */
  names: ReadonlyMap<string, string>;
  editing: MapEditing;
  selectedId: string | null;
  collaborators: readonly Collaborator[];
  onSelect(id: string | null): void;
  onCursor(position: Position | null): void;
}

export function NetworkView(props: NetworkViewProps) {
  return (
    <ReactFlowProvider>
      <Network {...props} />
    </ReactFlowProvider>
  );
}

function Network({ stakeholders, relations, names, editing, selectedId, collaborators, onSelect, onCursor }: NetworkViewProps) {
  const t = useTranslations('stakeholderMap');
  const { screenToFlowPosition } = useReactFlow();
  const dragWriter = useMemo(() => createDragWriter((id, position) => editing.moveStakeholder(id, position)), [editing]);
  const lastCursorWrite = useRef(0);

  // React Flow's nodes are state of their own (it records their measured size in them).
  // The document decides every node, except where this person is dragging one; they are
  // brought up to date while rendering when the map, the others or the selection change.
  const [nodes, setNodes] = useState<StakeholderNode[]>([]);
  const [selectedEdgeId, setSelectedEdgeId] = useState<string | null>(null);
  const [syncedWith, setSyncedWith] = useState<unknown[]>([]);
  const inputs = [stakeholders, collaborators, selectedId, t];
  if (inputs.some((input, index) => input !== syncedWith[index])) {
    setSyncedWith(inputs);
    setNodes((previous) => {
      const before = new Map(previous.map((node) => [node.id, node]));
      return stakeholders.map((stakeholder) => {
        const existing = before.get(stakeholder.id);
        const watcher = collaborators.find((collaborator) => collaborator.selection === stakeholder.id) ?? null;
        const label = stakeholder.name || t('unnamed');
        return {
          ...existing,
          id: stakeholder.id,
          type: 'stakeholder' as const,
          // Drawn at once at about its size, instead of hidden until the browser measured it.
          initialWidth: NODE_WIDTH,
          initialHeight: NODE_HEIGHT,
          position: existing && dragWriter.isDragging(stakeholder.id) ? existing.position : stakeholder.position,
          selected: stakeholder.id === selectedId,
          ariaLabel: label,
          data: { stakeholder, label, roleLetter: t(`lfaRoleShort.${stakeholder.lfaRole}`), watcher: watcher && { name: watcher.name, color: watcher.color } },
        };
      });
    });
  }

  // A label on every relation of a large map is clutter, and each one is measured by
  // the browser: kinds are written only on the relations of the selected stakeholder.
  const edges: Edge[] = useMemo(
    () =>
      relations.map((relation) => {
        const kind = t(`relationKind.${relation.kind}`);
        const isOfSelected = selectedId !== null && (relation.from === selectedId || relation.to === selectedId);
        return {
          id: relation.id,
          source: relation.from,
          target: relation.to,
          label: isOfSelected || relation.id === selectedEdgeId ? kind : undefined,
          selected: relation.id === selectedEdgeId,
          ariaLabel: t('relations.outgoing', { from: names.get(relation.from) ?? '', kind, to: names.get(relation.to) ?? '' }),
          markerEnd: { type: MarkerType.ArrowClosed },
          style: {
            strokeWidth: relation.strength + 0.5,
            stroke: relation.kind === 'in_conflict_with' ? '#b91c1c' : '#57534e',
            strokeDasharray: relation.kind === 'in_conflict_with' ? '6 4' : undefined,
          },
        };
      }),
    [relations, selectedId, selectedEdgeId, names, t],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StakeholderNode>[]) => {
      setNodes((current) => applyNodeChanges(changes, current));
      const now = performance.now();
      for (const change of changes) {
        if (change.type === 'select' && change.selected) onSelect(change.id);
        if (change.type !== 'position' || editing.readOnly || !change.position) continue;
        if (change.dragging) dragWriter.move(change.id, change.position, now);
        // The end of a pointer drag, or a move with the arrow keys (one step, no drag).
        else dragWriter.end(change.id, change.position);
      }
    },
    [editing, onSelect, dragWriter],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    for (const change of changes) {
      if (change.type === 'select') setSelectedEdgeId((current) => (change.selected ? change.id : current === change.id ? null : current));
    }
  }, []);

  // Nothing leaves the map on a key press without a question, as in the side panel.
  const onBeforeDelete = useCallback(
    async ({ nodes: doomedNodes, edges: doomedEdges }: { nodes: StakeholderNode[]; edges: Edge[] }) =>
      (doomedNodes.length > 0 || doomedEdges.length > 0) && window.confirm(t('network.deleteConfirm', { stakeholders: doomedNodes.length, relations: doomedEdges.length })),
    [t],
  );

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('network.a11y.node'),
      'node.a11yDescription.keyboardDisabled': t('network.a11y.nodeKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('network.a11y.moved', { direction, x: Math.round(x), y: Math.round(y) }),
      'edge.a11yDescription.default': t('network.a11y.edge'),
      'controls.ariaLabel': t('network.a11y.controls'),
      'controls.zoomIn.ariaLabel': t('network.a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('network.a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('network.a11y.fitView'),
      'controls.interactive.ariaLabel': t('network.a11y.interactive'),
      'minimap.ariaLabel': t('network.a11y.minimap'),
      'handle.ariaLabel': t('network.a11y.handle'),
    }),
    [t],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.source && connection.target && connection.source !== connection.target) {
        editing.addRelation({ from: connection.source, to: connection.target, kind: 'collaborates_with', strength: 2, note: '' });
      }
    },
    [editing],
  );

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const now = performance.now();
    if (now - lastCursorWrite.current < CURSOR_WRITE_INTERVAL_MS) return;
    lastCursorWrite.current = now;
    onCursor(screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <section aria-labelledby="network-heading" className="space-y-2">
      <h2 id="network-heading" className="sr-only">
        {t('network.label')}
      </h2>
      <p className="hint">{editing.readOnly ? t('network.hintReadOnly') : t('network.hint')}</p>
      <p className="hint">{t('network.legendRoles')}</p>
      <div className="h-[560px] rounded border border-stone-300" onPointerMove={onPointerMove} onPointerLeave={() => onCursor(null)} data-testid="stakeholder-network">
        <ReactFlow<StakeholderNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          ariaLabelConfig={ariaLabelConfig}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onBeforeDelete={onBeforeDelete}
          onConnect={onConnect}
          onNodesDelete={(deleted) => deleted.forEach((node) => editing.removeStakeholder(node.id))}
          onEdgesDelete={(deleted) => deleted.forEach((edge) => editing.removeRelation(edge.id))}
          onPaneClick={() => onSelect(null)}
          nodesDraggable={!editing.readOnly}
          nodesConnectable={!editing.readOnly}
          edgesFocusable={!editing.readOnly}
          // Delete only: Backspace is how people correct what they type.
          deleteKeyCode={editing.readOnly ? null : 'Delete'}
          // A small map is shown whole; a large one opens at a zoom where names can be
          // read, and only what is on screen is drawn, so 500 stakeholders open quickly.
          fitView
          fitViewOptions={INITIAL_FIT}
          onlyRenderVisibleElements={stakeholders.length > DRAW_ALL_UP_TO}
          minZoom={0.1}
          proOptions={{ hideAttribution: false }}
        >
          <Background />
          <Controls showInteractive={false} />
          <ViewportPortal>
            {collaborators
              .filter((collaborator) => collaborator.cursor)
              .map((collaborator) => (
                <div
                  key={collaborator.clientId}
                  className="pointer-events-none absolute"
                  style={{ transform: `translate(${collaborator.cursor!.x}px, ${collaborator.cursor!.y}px)` }}
                  data-remote-cursor={collaborator.name}
                  aria-hidden="true"
                >
                  <svg width="16" height="16" viewBox="0 0 16 16">
                    <path d="M0 0 L12 5 L6 7 L4 13 Z" fill={collaborator.color} />
                  </svg>
                  <span className="rounded px-1 text-[10px] text-white" style={{ background: collaborator.color }}>
                    {collaborator.name}
                  </span>
                </div>
              ))}
          </ViewportPortal>
        </ReactFlow>
      </div>
    </section>
  );
}
