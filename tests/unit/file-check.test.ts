// Uploads are judged by their bytes: each accepted type is built here as a tiny but
// real file, and files that merely claim to be one (by name) are refused.
import { describe, expect, it } from 'vitest';
import { checkUpload, contentDisposition, safeFileName } from '@/lib/documents/file-check';

const encoder = new TextEncoder();
const text = (value: string) => encoder.encode(value);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function littleEndian(...fields: Array<[value: number, bytes: 2 | 4]>): Uint8Array {
  const out = new Uint8Array(fields.reduce((sum, [, size]) => sum + size, 0));
  const view = new DataView(out.buffer);
  let offset = 0;
  for (const [value, size] of fields) {
    if (size === 2) view.setUint16(offset, value, true);
    else view.setUint32(offset, value, true);
    offset += size;
  }
  return out;
}

/** A zip of stored (uncompressed) entries, with the central directory office readers expect. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = text(name);
    const data = text(content);
    const crc = crc32(data);
    const local = concat(
      littleEndian([0x04034b50, 4], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [crc, 4], [data.byteLength, 4], [data.byteLength, 4], [nameBytes.byteLength, 2], [0, 2]),
      nameBytes,
      data,
    );
    centrals.push(
      concat(
        littleEndian(
          [0x02014b50, 4], [20, 2], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [crc, 4], [data.byteLength, 4], [data.byteLength, 4],
          [nameBytes.byteLength, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4],
        ),
        nameBytes,
      ),
    );
    locals.push(local);
    offset += local.byteLength;
  }
  const central = concat(...centrals);
  const count = centrals.length;
  const end = littleEndian([0x06054b50, 4], [0, 2], [0, 2], [count, 2], [count, 2], [central.byteLength, 4], [offset, 4], [0, 2]);
  return concat(...locals, central, end);
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat(text(type), data);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, data.byteLength);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(typeAndData));
  return concat(length, typeAndData, crc);
}

const pdf = text('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

// 1×1 pixel: width 1, height 1, 8-bit greyscale, then one zlib-compressed scanline.
const png = concat(
  Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  pngChunk('IHDR', Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0)),
  pngChunk('IDAT', Uint8Array.of(0x78, 0x01, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01)),
  pngChunk('IEND', new Uint8Array()),
);

// Start of image, a JFIF APP0 segment, end of image.
const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9);

// The classic smallest transparent GIF.
const gif = concat(
  text('GIF89a'),
  Uint8Array.of(0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff),
  Uint8Array.of(0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00),
  Uint8Array.of(0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b),
);

// A lossless 1×1 WebP: RIFF container, WEBP form, one VP8L chunk.
const webpPayload = Uint8Array.of(0x2f, 0x00, 0x00, 0x00, 0x00, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00);
const webp = concat(
  text('RIFF'),
  littleEndian([4 + 8 + webpPayload.byteLength, 4]),
  text('WEBP'),
  text('VP8L'),
  littleEndian([webpPayload.byteLength, 4]),
  webpPayload,
);

function openXml(mainContentType: string, folder: string): Uint8Array {
  return storedZip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${folder}/main.xml" ContentType="${mainContentType}"/></Types>`,
    [`${folder}/main.xml`]: '<?xml version="1.0"?><root/>',
  });
}

const openDocument = (mimeType: string) => storedZip({ mimetype: mimeType, 'content.xml': '<?xml version="1.0"?><office:document-content/>' });

const accepted = [
  { name: 'PDF', fileName: 'report.pdf', bytes: pdf, contentType: 'application/pdf', extension: 'pdf' },
  { name: 'PNG', fileName: 'plan.png', bytes: png, contentType: 'image/png', extension: 'png' },
  { name: 'JPEG', fileName: 'photo.jpeg', bytes: jpeg, contentType: 'image/jpeg', extension: 'jpg' },
  { name: 'GIF', fileName: 'map.gif', bytes: gif, contentType: 'image/gif', extension: 'gif' },
  { name: 'WebP', fileName: 'street.webp', bytes: webp, contentType: 'image/webp', extension: 'webp' },
  {
    name: 'DOCX',
    fileName: 'minutes.docx',
    bytes: openXml('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word'),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  {
    name: 'XLSX',
    fileName: 'budget.xlsx',
    bytes: openXml('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xl'),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  {
    name: 'PPTX',
    fileName: 'slides.pptx',
    bytes: openXml('application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', 'ppt'),
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
  },
  { name: 'ODT', fileName: 'letter.odt', bytes: openDocument('application/vnd.oasis.opendocument.text'), contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  {
    name: 'ODS',
    fileName: 'counts.ods',
    bytes: openDocument('application/vnd.oasis.opendocument.spreadsheet'),
    contentType: 'application/vnd.oasis.opendocument.spreadsheet',
    extension: 'ods',
  },
  {
    name: 'ODP',
    fileName: 'talk.odp',
    bytes: openDocument('application/vnd.oasis.opendocument.presentation'),
    contentType: 'application/vnd.oasis.opendocument.presentation',
    extension: 'odp',
  },
];

/** The bytes as an upload's stream delivers them, in small pieces, so the type is read as they arrive. */
function streamOf(bytes: Uint8Array, chunkBytes = 7): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
}

describe('checkUpload', () => {
  it.each(accepted)('accepts a $name by its content, arriving in pieces', async ({ fileName, bytes, contentType, extension }) => {
    expect(await checkUpload({ content: streamOf(bytes), fileName })).toEqual({ ok: true, contentType, extension, safeFileName: fileName.replace(/\.jpeg$/, '.jpg') });
  });

  it('names the type the content has, whatever the name claims', async () => {
    expect(await checkUpload({ content: streamOf(png), fileName: 'scan.pdf' })).toMatchObject({ ok: true, contentType: 'image/png', safeFileName: 'scan.png' });
  });

  it.each([
    { name: 'a Windows program named .pdf', fileName: 'report.pdf', bytes: concat(text('MZ'), new Uint8Array(0x3e), text('This program cannot be run in DOS mode')) },
    { name: 'a Linux program', fileName: 'tool.exe', bytes: concat(Uint8Array.of(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00), new Uint8Array(56)) },
    { name: 'an HTML page named .pdf', fileName: 'report.pdf', bytes: text('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>') },
    { name: 'an SVG named .png', fileName: 'plan.png', bytes: text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>') },
    { name: 'a plain zip named .docx', fileName: 'minutes.docx', bytes: storedZip({ 'notes.txt': 'not a document' }) },
    {
      name: 'a Word document with macros',
      fileName: 'minutes.docx',
      bytes: openXml('application/vnd.ms-word.document.macroEnabled.main+xml', 'word'),
    },
    { name: 'plain text', fileName: 'notes.txt', bytes: text('Meeting notes, not a document type we publish.') },
  ])('refuses $name', async ({ fileName, bytes }) => {
    expect(await checkUpload({ content: streamOf(bytes), fileName })).toEqual({ ok: false, fieldError: 'fileTypeNotAccepted' });
  });

  it('refuses an empty file', async () => {
    expect(await checkUpload({ content: streamOf(new Uint8Array()), fileName: 'report.pdf' })).toEqual({ ok: false, fieldError: 'fileEmpty' });
  });

  it('decides from the first bytes and stops reading there', async () => {
    const pieces = { read: 0 };
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pieces.read += 1;
        controller.enqueue(pieces.read === 1 ? pdf : new Uint8Array(64 * 1024));
      },
    });
    expect(await checkUpload({ content: endless, fileName: 'big.pdf' })).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(pieces.read).toBeLessThan(5);
  });
});

describe('safeFileName', () => {
  it.each([
    ['Traffic study.pdf', 'pdf', 'Traffic study.pdf'],
    ['C:\\Users\\ana\\Desktop\\Plan Mayor.PNG', 'png', 'Plan Mayor.png'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['"quoted" \'name\'.pdf', 'pdf', 'quoted name.pdf'],
    ['line\r\nbreak\u0000.pdf', 'pdf', 'linebreak.pdf'],
    ['invoice\u202Efdp.exe', 'pdf', 'invoicefdp.pdf'],
    ['Straßenplan Café.jpeg', 'jpg', 'Straßenplan Café.jpg'],
    ['.hidden', 'pdf', 'document.pdf'],
    ['...', 'gif', 'document.gif'],
    ['', 'pdf', 'document.pdf'],
    ['no extension', 'odt', 'no extension.odt'],
  ])('makes %j safe as %s', (input, extension, expected) => {
    expect(safeFileName(input, extension)).toBe(expected);
  });

  it('keeps long names readable but bounded', () => {
    const name = safeFileName(`${'a'.repeat(500)}.pdf`, 'pdf');
    expect(name).toBe(`${'a'.repeat(120)}.pdf`);
  });
});

describe('contentDisposition', () => {
  it('shows PDFs and images in the browser and saves office files', () => {
    expect(contentDisposition({ contentType: 'application/pdf', fileName: 'report.pdf' })).toBe(`inline; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition({ contentType: 'image/png', fileName: 'plan.png' })).toMatch(/^inline;/);
    expect(contentDisposition({ contentType: 'application/vnd.oasis.opendocument.text', fileName: 'letter.odt' })).toMatch(/^attachment;/);
  });

  it('encodes names beyond ASCII as RFC 5987 asks, with an ASCII fallback', () => {
    expect(contentDisposition({ contentType: 'application/pdf', fileName: "Café (draft) it's*.pdf" })).toBe(
      `inline; filename="Caf_ (draft) it's*.pdf"; filename*=UTF-8''Caf%C3%A9%20%28draft%29%20it%27s%2A.pdf`,
    );
  });

  it('treats a type it does not know as something to save, never to show', () => {
    expect(contentDisposition({ contentType: 'text/html', fileName: 'page.html' })).toMatch(/^attachment;/);
  });
});
