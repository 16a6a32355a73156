// What an incoming Yjs update would bring into a document, read from its decoded structs
// without applying it: the longest string it carries, the client ids it writes as, and
// whether it only deletes what the document already has. The shared document decides
// from this whether to accept it (shared-document.ts), so a refused update never
// touches the document, the store or anyone else.
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The longest string anywhere in the update: inserted text, values (also nested in
 * arrays and objects, keys included), map keys, root type names, formatting, embeds,
 * XML names, subdocument ids; binary content counts by its bytes.
 */
export function longestStringIn({ structs }: DecodedUpdate): number {
  let longest = 0;
  const consider = (value: unknown) => {
    // Values come from lib0's decoder and may nest deeply: walk them without recursion.
    const stack: unknown[] = [value];
    while (stack.length > 0) {
      const current = stack.pop();
      if (typeof current === 'string') longest = Math.max(longest, current.length);
      else if (current instanceof Uint8Array) longest = Math.max(longest, current.byteLength);
      else if (Array.isArray(current)) stack.push(...current);
      else if (current !== null && typeof current === 'object') {
        for (const [key, nested] of Object.entries(current)) stack.push(key, nested);
      }
    }
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent: unknown = struct.parent;
    if (typeof parent === 'string') consider(parent);
    if (struct.parentSub !== null) consider(struct.parentSub);
    const { content } = struct;
    if (content instanceof Y.ContentString) consider(content.str);
    else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) consider(content.arr);
    else if (content instanceof Y.ContentEmbed) consider(content.embed);
    else if (content instanceof Y.ContentFormat) consider([content.key, content.value]);
    else if (content instanceof Y.ContentBinary) consider(content.content);
    else if (content instanceof Y.ContentDoc) consider([content.doc?.guid ?? '', content.opts]);
    else if (content instanceof Y.ContentType) {
      const type: unknown = content.type;
      if (type instanceof Y.XmlElement) consider(type.nodeName);
      else if (type instanceof Y.XmlHook) consider(type.hookName);
    }
  }
  return longest;
}

/** The client ids the update writes structs as. */
export function clientIdsIn({ structs }: DecodedUpdate): Set<number> {
  const clients = new Set<number>();
  for (const struct of structs) if (!(struct instanceof Y.Skip)) clients.add(struct.id.client);
  return clients;
}

/**
 * Whether the update only deletes content the document already holds: such an update
 * can only make the document smaller, so it is accepted even over the size limit (it
 * is how a full document is made to fit again).
 */
export function onlyDeletesExisting({ structs, ds }: DecodedUpdate, doc: Y.Doc): boolean {
  if (structs.length > 0) return false;
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client);
    if (ranges.some(({ clock, len }) => clock + len > known)) return false;
  }
  return true;
}

/**
 * The exact size of a document as the limit counts it: its encoded state, plus updates
 * held back because they wait for something missing (they take memory all the same).
 */
export function measureDocument(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store;
  return Y.encodeStateAsUpdate(doc).byteLength + (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}

/**
 * Keeps a document under its size limit cheaply. Measuring a document means encoding it
 * whole (tens of milliseconds at a few MiB), so the budget keeps a running estimate
 * instead: the last measure plus the bytes of every update accepted since. That can only
 * overstate the size (updates overlap, overwritten values are dropped), so the document
 * is measured again only when the estimate says an update would not fit, and at most
 * once per interval, so a client cannot make the server measure on every message.
 */
export class DocumentSizeBudget {
  private estimate: number;
  /** Whether the document changed since it was last measured. */
  private isStale = true;
  private lastMeasuredAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: { maxBytes: number; measure: () => number; minMeasureIntervalMs?: number; now?: () => number },
    /** Bytes the document was loaded from: an estimate too (stored parts overlap). */
    loadedBytes: number,
  ) {
    this.estimate = loadedBytes;
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /** The current estimate, never below the real size. */
  get estimatedBytes(): number {
    return this.estimate;
  }

  /** Whether an update of this many bytes may be accepted. */
  admits(bytes: number): boolean {
    const { maxBytes, minMeasureIntervalMs = 1000, now = performance.now.bind(performance) } = this.options;
    if (bytes > maxBytes) return false;
    if (this.estimate + bytes <= maxBytes) return true;
    const time = now();
    if (this.isStale && time - this.lastMeasuredAt >= minMeasureIntervalMs) {
      this.estimate = this.options.measure();
      this.isStale = false;
      this.lastMeasuredAt = time;
    }
    return this.estimate + bytes <= maxBytes;
  }

  /** An update was applied (from a client here or from another process). */
  add(bytes: number): void {
    this.estimate += bytes;
    this.isStale = true;
  }

  /** Something was deleted: the estimate stands, but measuring again may find room. */
  markShrunk(): void {
    this.isStale = true;
  }
}
