// Removes metadata from a photo before it is stored: location (GPS), camera and owner details,
// timestamps and free-text comments must not travel with evidence from a mental health ward.
// Image data is copied byte for byte; only whole metadata segments or chunks are left out. One
// fact is kept: which way up the camera was held (the EXIF orientation), written back as a
// minimal EXIF block of that one tag, so a portrait phone photo is not shown sideways.
// Pure: bytes in, bytes out.

export type PhotoKind = 'image/jpeg' | 'image/png';

export interface StrippedPhoto {
  mimeType: PhotoKind;
  bytes: Uint8Array;
  /** As shown, the orientation applied: a photo taken in portrait is taller than wide. */
  width: number;
  height: number;
  /** The EXIF orientation kept (1 = as stored, 6 = turned a quarter clockwise, …; 1 when none). */
  orientation: number;
  /** What was removed, e.g. "EXIF (APP1)", "comment (COM)", "tEXt". */
  removed: string[];
}

/** Why a file is refused: not a JPEG or PNG, or one whose structure is broken. */
export class PhotoFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhotoFormatError';
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type the bytes themselves declare (magic numbers), whatever the file name says. */
export function sniffPhotoType(bytes: Uint8Array): PhotoKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  return null;
}

export function stripPhotoMetadata(bytes: Uint8Array): StrippedPhoto {
  const kind = sniffPhotoType(bytes);
  if (kind === 'image/jpeg') return stripJpeg(bytes);
  if (kind === 'image/png') return stripPng(bytes);
  throw new PhotoFormatError('Only JPEG and PNG photos can be added (this file is neither)');
}

// ---- JPEG ---------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP0 = 0xe0;
const APP14 = 0xee;
/** Start-of-frame markers (all but DHT C4, JPG C8 and DAC CC), which carry the dimensions. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

const APP_NAMES: Record<number, string> = { 0xe1: 'EXIF/XMP (APP1)', 0xe2: 'ICC/FlashPix (APP2)', 0xed: 'IPTC/Photoshop (APP13)' };

function appName(marker: number): string {
  return APP_NAMES[marker] ?? `APP${marker - APP0}`;
}

/**
 * The Adobe APP14 segment is kept: it holds no personal data (a fixed 12-byte record), and
 * decoders need its colour-transform flag to read some RGB and CMYK JPEGs correctly.
 */
function isAdobeColourSegment(bytes: Uint8Array, start: number, length: number): boolean {
  const adobe = [0x41, 0x64, 0x6f, 0x62, 0x65]; // "Adobe"
  return length === 14 && adobe.every((b, i) => bytes[start + 4 + i] === b);
}

function stripJpeg(bytes: Uint8Array): StrippedPhoto {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let width = 0;
  let height = 0;
  let pos = 2;
  let sawScan = false;
  let orientation = 1;
  const broken = (why: string) => new PhotoFormatError(`This JPEG file is damaged or incomplete (${why})`);

  for (;;) {
    if (pos >= bytes.length) throw broken('it ends before its end-of-image marker');
    if (bytes[pos] !== 0xff) throw broken(`no marker at byte ${pos}`);
    // Any number of 0xFF fill bytes may precede a marker.
    let markerAt = pos;
    while (bytes[markerAt + 1] === 0xff) markerAt += 1;
    const marker = bytes[markerAt + 1];
    if (marker === undefined) throw broken('it ends inside a marker');
    if (marker === EOI) {
      if (!sawScan || width === 0) throw broken('it has no image data');
      out.push(bytes.subarray(markerAt, markerAt + 2));
      // Anything after the end-of-image marker (some cameras append data there) is left out.
      if (markerAt + 2 < bytes.length) removed.push('data after the image end');
      break;
    }
    if (marker === SOI || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      throw broken(`unexpected marker 0x${marker.toString(16)} at byte ${markerAt}`);
    }
    if (markerAt + 4 > bytes.length) throw broken('it ends inside a segment header');
    const length = (bytes[markerAt + 2]! << 8) | bytes[markerAt + 3]!;
    if (length < 2) throw broken(`a segment at byte ${markerAt} has an impossible length`);
    const end = markerAt + 2 + length;
    if (end > bytes.length) throw broken('a segment runs past the end of the file');

    const isApp = marker > APP0 && marker <= 0xef;
    if (marker === APP1 && orientation === 1) orientation = exifOrientation(bytes, markerAt + 4, end) ?? 1;
    if ((isApp && !(marker === APP14 && isAdobeColourSegment(bytes, markerAt, length))) || marker === COM) {
      removed.push(marker === COM ? 'comment (COM)' : appName(marker));
    } else {
      out.push(bytes.subarray(markerAt, end));
    }
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) throw broken('its frame header is too short');
      height = (bytes[markerAt + 5]! << 8) | bytes[markerAt + 6]!;
      width = (bytes[markerAt + 7]! << 8) | bytes[markerAt + 8]!;
      if (width === 0 || height === 0) throw broken('its frame header gives no size');
    }
    pos = end;
    if (marker === SOS) {
      if (width === 0) throw broken('its image data comes before its frame header');
      sawScan = true;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      let scan = pos;
      while (scan + 1 < bytes.length) {
        if (bytes[scan] === 0xff) {
          const next = bytes[scan + 1]!;
          if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        }
        scan += 1;
      }
      if (scan + 1 >= bytes.length) throw broken('it ends inside its image data');
      out.push(bytes.subarray(pos, scan));
      pos = scan;
    }
  }
  if (orientation !== 1) out.splice(1, 0, orientationSegment(orientation));
  // Orientations 5 to 8 turn the picture a quarter: it is shown with width and height swapped.
  const turned = orientation >= 5;
  return { mimeType: 'image/jpeg', bytes: concat(out), width: turned ? height : width, height: turned ? width : height, orientation, removed: unique(removed) };
}

const APP1 = 0xe1;
const ORIENTATION_TAG = 0x0112;

/** The orientation (1–8) in an APP1 EXIF payload running from `start` to `end`, or null. */
function exifOrientation(bytes: Uint8Array, start: number, end: number): number | null {
  const header = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
  if (end - start < 14 || !header.every((b, i) => bytes[start + i] === b)) return null;
  const tiff = start + 6;
  const little = bytes[tiff] === 0x49 && bytes[tiff + 1] === 0x49;
  if (!little && !(bytes[tiff] === 0x4d && bytes[tiff + 1] === 0x4d)) return null;
  const u16 = (at: number) => (little ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!);
  const u32 = (at: number) => (little ? (u16(at) | (u16(at + 2) << 16)) >>> 0 : ((u16(at) << 16) | u16(at + 2)) >>> 0);
  if (u16(tiff + 2) !== 42) return null;
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (u16(entry) !== ORIENTATION_TAG) continue;
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** A minimal APP1 EXIF segment holding only the orientation tag (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Uint8Array {
  return Uint8Array.from([
    0xff, APP1, 0x00, 0x22, // marker, length 34
    0x45, 0x78, 0x69, 0x66, 0x00, 0x00, // "Exif\0\0"
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // "MM", 42, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation, SHORT, 1
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
}

// ---- PNG ----------------------------------------------------------------------------------

/** Ancillary chunks that carry metadata: EXIF (with GPS), free text, and the modification time. */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

function stripPng(bytes: Uint8Array): StrippedPhoto {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed: string[] = [];
  let width = 0;
  let height = 0;
  let pos = 8;
  let first = true;
  let sawData = false;
  const broken = (why: string) => new PhotoFormatError(`This PNG file is damaged or incomplete (${why})`);

  for (;;) {
    if (pos + 12 > bytes.length) throw broken('it ends before its IEND chunk');
    const length = readUint32(bytes, pos);
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    if (!/^[A-Za-z]{4}$/.test(type)) throw broken(`a chunk at byte ${pos} has no valid type`);
    const end = pos + 12 + length;
    if (end > bytes.length) throw broken(`the ${type} chunk runs past the end of the file`);
    const crc = readUint32(bytes, end - 4);
    if (crc32(bytes.subarray(pos + 4, end - 4)) !== crc) throw broken(`the ${type} chunk fails its checksum`);
    if (first) {
      if (type !== 'IHDR' || length !== 13) throw broken('it does not start with an image header');
      width = readUint32(bytes, pos + 8);
      height = readUint32(bytes, pos + 12);
      if (width === 0 || height === 0) throw broken('its image header gives no size');
      first = false;
    }
    if (type === 'IDAT') sawData = true;
    if (PNG_METADATA_CHUNKS.has(type)) removed.push(type);
    else out.push(bytes.subarray(pos, end));
    pos = end;
    if (type === 'IEND') {
      if (!sawData) throw broken('it has no image data');
      if (pos < bytes.length) removed.push('data after the image end');
      break;
    }
  }
  return { mimeType: 'image/png', bytes: concat(out), width, height, orientation: 1, removed: unique(removed) };
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const result = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    result.set(part, at);
    at += part.length;
  }
  return result;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
