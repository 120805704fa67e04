import zlib from 'node:zlib';

// Real JPEG and PNG files built byte by byte, with the metadata a phone camera writes (EXIF with
// GPS coordinates, XMP, comments, text chunks), for the photo tests. Written independently of the
// app's own parser: PNG checksums come from zlib.

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

/** The GPS coordinates written into the test EXIF: 55°57'N 3°11'W, easy to search for. */
export const GPS_MARKER_TEXT = 'GPS-55N57-3W11-PRIVATE';

/**
 * A TIFF/EXIF block (big-endian) with IFD0 holding a Make string and a GPS IFD pointer, and a GPS
 * IFD with latitude/longitude refs and rationals. GPS_MARKER_TEXT is kept as the Make so tests can
 * look for a readable string as well as the GPS tag bytes.
 */
export function exifWithGps(options: { orientation?: number; littleEndian?: boolean } = {}): number[] {
  const make = [...ascii(GPS_MARKER_TEXT), 0];
  const entries = options.orientation === undefined ? 2 : 3;
  // Layout: header(8) IFD0 at 8: count(2) + 2 or 3 entries(12 each) + next(4); GPS IFD after it:
  // count(2) + 4 entries(48) + next(4) = 54; make string after that; rationals after it.
  const ifd0 = 8;
  const gpsIfd = ifd0 + 2 + entries * 12 + 4;
  const makeAt = gpsIfd + 2 + 4 * 12 + 4;
  const latAt = makeAt + make.length;
  const lonAt = latAt + 24;
  // Little-endian ("II") files write every number least significant byte first.
  const le = options.littleEndian === true;
  const w16 = (n: number) => (le ? u16(n).reverse() : u16(n));
  const w32 = (n: number) => (le ? u32(n).reverse() : u32(n));
  const entry = (tag: number, type: number, count: number, value: number[]) => [...w16(tag), ...w16(type), ...w32(count), ...value];
  const rationals = (values: [number, number][]) => values.flatMap(([n, d]) => [...w32(n), ...w32(d)]);
  const orientation = options.orientation === undefined ? [] : entry(0x0112, 3, 1, [...w16(options.orientation), 0, 0]);
  return [
    ...ascii('Exif'),
    0,
    0,
    ...ascii(le ? 'II' : 'MM'),
    ...w16(42),
    ...w32(ifd0),
    ...w16(entries),
    ...entry(0x010f, 2, make.length, w32(makeAt)), // Make
    ...orientation, // Orientation (tags in ascending order)
    ...entry(0x8825, 4, 1, w32(gpsIfd)), // GPS IFD pointer
    ...w32(0),
    ...w16(4),
    ...entry(0x0001, 2, 2, [...ascii('N'), 0, 0, 0]), // GPSLatitudeRef
    ...entry(0x0002, 5, 3, w32(latAt)), // GPSLatitude
    ...entry(0x0003, 2, 2, [...ascii('W'), 0, 0, 0]), // GPSLongitudeRef
    ...entry(0x0004, 5, 3, w32(lonAt)), // GPSLongitude
    ...w32(0),
    ...make,
    ...rationals([
      [55, 1],
      [57, 1],
      [1234, 100],
    ]),
    ...rationals([
      [3, 1],
      [11, 1],
      [5678, 100],
    ]),
  ];
}

function segment(marker: number, payload: number[]): number[] {
  return [0xff, marker, ...u16(payload.length + 2), ...payload];
}

/**
 * A baseline greyscale JPEG of a flat grey picture (width and height multiples of 8): JFIF APP0, a
 * quantisation table of ones, a frame header, two tiny Huffman tables, one scan (DC only; the
 * first block's DC is 512, i.e. grey level 192, the rest unchanged) and the end marker.
 * `extra` segments are placed after APP0, as cameras do.
 */
export function buildJpeg(width: number, height: number, extra: number[][] = [], trailer: number[] = []): Uint8Array {
  const app0 = segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, ...u16(1), ...u16(1), 0, 0]);
  const dqt = segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  const sof = segment(0xc0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]);
  // DC table: two codes of length 2 — "00" → category 0, "01" → category 10.
  const dhtDc = segment(0xc4, [0x00, 0, 2, ...new Array<number>(14).fill(0), 0, 10]);
  // AC table: one code of length 1 — "0" → end of block.
  const dhtAc = segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]);
  const sos = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  const blocks = (width / 8) * (height / 8);
  let bits = '01' + (512).toString(2).padStart(10, '0') + '0';
  for (let i = 1; i < blocks; i += 1) bits += '00' + '0';
  while (bits.length % 8 !== 0) bits += '1';
  const scan: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8), 2);
    scan.push(byte);
    if (byte === 0xff) scan.push(0x00);
  }
  return Uint8Array.from([0xff, 0xd8, ...app0, ...extra.flat(), ...dqt, ...sof, ...dhtDc, ...dhtAc, ...sos, ...scan, 0xff, 0xd9, ...trailer]);
}

export const jpegSegment = segment;

export function exifSegment(options: Parameters<typeof exifWithGps>[0] = {}): number[] {
  return segment(0xe1, exifWithGps(options));
}

export function xmpSegment(): number[] {
  return segment(0xe1, [...ascii('http://ns.adobe.com/xap/1.0/'), 0, ...ascii(`<x:xmpmeta><exif:GPSLatitude>${GPS_MARKER_TEXT}</exif:GPSLatitude></x:xmpmeta>`)]);
}

export function commentSegment(text: string): number[] {
  return segment(0xfe, ascii(text));
}

// ---- PNG ------------------------------------------------------------------------------------

export function pngChunk(type: string, data: number[] | Uint8Array): number[] {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data)]);
  return [...u32(body.length - 4), ...body, ...u32(zlib.crc32(body))];
}

/**
 * An 8-bit RGB PNG whose pixels are (x, y, 7) — decodable with zlib alone. `beforeData` chunks go
 * between IHDR and IDAT (where cameras put eXIf and text), `afterData` between IDAT and IEND.
 */
export function buildPng(width: number, height: number, options: { beforeData?: number[][]; afterData?: number[][] } = {}): Uint8Array {
  const raw: number[] = [];
  for (let y = 0; y < height; y += 1) {
    raw.push(0); // filter: none
    for (let x = 0; x < width; x += 1) raw.push(x & 0xff, y & 0xff, 7);
  }
  const ihdr = pngChunk('IHDR', [...u32(width), ...u32(height), 8, 2, 0, 0, 0]);
  const idat = pngChunk('IDAT', zlib.deflateSync(Buffer.from(raw)));
  return Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...ihdr,
    ...(options.beforeData ?? []).flat(),
    ...idat,
    ...(options.afterData ?? []).flat(),
    ...pngChunk('IEND', []),
  ]);
}

/** Decodes buildPng's pictures (8-bit RGB, filter none) back to pixels, checking every CRC on the way. */
export function decodePng(bytes: Uint8Array): { width: number; height: number; pixel(x: number, y: number): [number, number, number]; chunks: string[] } {
  const buf = Buffer.from(bytes);
  let pos = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  const chunks: string[] = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 4, pos + 8 + length);
    if (zlib.crc32(body) !== buf.readUInt32BE(pos + 8 + length)) throw new Error(`bad CRC in ${type}`);
    chunks.push(type);
    if (type === 'IHDR') {
      width = buf.readUInt32BE(pos + 8);
      height = buf.readUInt32BE(pos + 12);
    }
    if (type === 'IDAT') data.push(buf.subarray(pos + 8, pos + 8 + length));
    pos += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  if (raw.length !== height * (1 + width * 3)) throw new Error('pixel data has the wrong size');
  return {
    width,
    height,
    chunks,
    pixel: (x, y) => {
      const at = y * (1 + width * 3) + 1 + x * 3;
      return [raw[at]!, raw[at + 1]!, raw[at + 2]!];
    },
  };
}

export function textChunk(keyword: string, text: string): number[] {
  return pngChunk('tEXt', [...ascii(keyword), 0, ...ascii(text)]);
}

export function exifChunk(): number[] {
  // eXIf holds the TIFF block without the "Exif\0\0" prefix.
  return pngChunk('eXIf', exifWithGps().slice(6));
}

export function contains(haystack: Uint8Array, needle: number[] | string): boolean {
  return Buffer.from(haystack).includes(typeof needle === 'string' ? Buffer.from(needle, 'latin1') : Buffer.from(needle));
}

/** A one-page PDF that draws a greyscale JPEG, so pdf.js's own JPEG decoder can read it back. */
function pdfDrawingJpeg(jpeg: Uint8Array, width: number, height: number): Uint8Array {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    parts.push(buf);
    length += buf.length;
  };
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    add(`${n} 0 obj\n`);
    body.forEach(add);
    add('\nendobj\n');
  };
  add('%PDF-1.4\n');
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  obj(3, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`]);
  obj(4, [
    `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
    Buffer.from(jpeg),
    '\nendstream',
  ]);
  const content = `q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`;
  obj(5, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
  const xref = length;
  const rows = [1, 2, 3, 4, 5].map((n) => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`).join('');
  add(`xref\n0 6\n0000000000 65535 f \n${rows}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/** Decodes a JPEG with pdf.js's JPEG decoder (an implementation independent of ours). */
export async function decodeJpeg(jpeg: Uint8Array, width: number, height: number): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdfDrawingJpeg(jpeg, width, height), isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    const at = ops.fnArray.indexOf(pdfjs.OPS.paintImageXObject);
    if (at < 0) throw new Error('pdf.js drew no image: the JPEG did not decode');
    const name = (ops.argsArray[at] as [string])[0];
    return await new Promise((resolve) => page.objs.get(name, resolve as (value: unknown) => void));
  } finally {
    await doc.destroy();
  }
}
