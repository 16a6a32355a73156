// The privacy notice and terms are written by administrators as plain text: blank lines
// separate paragraphs, and a paragraph starting with "## " is a heading. Nothing else is
// interpreted, so no markup an administrator types can reach the page as HTML.
export type TextBlock = { kind: 'heading' | 'paragraph'; text: string };

export function plainTextBlocks(body: string): TextBlock[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .flatMap((part): TextBlock[] => {
      if (!part.startsWith('## ')) return [{ kind: 'paragraph', text: part }];
      // A heading line may be followed directly by its first paragraph.
      const [heading = '', ...rest] = part.split('\n');
      const paragraph = rest.join('\n').trim();
      return [{ kind: 'heading', text: heading.slice(3).trim() }, ...(paragraph ? [{ kind: 'paragraph' as const, text: paragraph }] : [])];
    });
}
