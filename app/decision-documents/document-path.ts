/** Where a decision's document is downloaded; the name in the path is what browsers save it as. */
export function decisionDocumentPath(document: { id: string; fileName: string }): string {
  return `/decision-documents/${document.id}/${encodeURIComponent(document.fileName)}`;
}
