import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PhotoFormatError, sniffPhotoType, stripPhotoMetadata } from '../../../src/shared/photos/strip-metadata';
import {
  GPS_MARKER_TEXT,
  buildJpeg,
  buildPng,
  commentSegment,
  contains,
  decodeJpeg,
  decodePng,
  exifChunk,
  exifSegment,
  jpegSegment,
  pngChunk,
  textChunk,
  xmpSegment,
} from '../../helpers/images';

// The GPS IFD's tag 0x0002 (GPSLatitude, type RATIONAL, count 3) as written big-endian.
const GPS_LATITUDE_ENTRY = [0x00, 0x02, 0x00, 0x05, 0x00, 0x00, 0x00, 0x03];
const EXIF_HEADER = 'Exif\0\0';

describe('stripping JPEG metadata', () => {
  const clean = buildJpeg(16, 8);
  const withGps = buildJpeg(16, 8, [exifSegment(), xmpSegment(), jpegSegment(0xe2, [...Buffer.from('ICC_PROFILE\0camera model X')]), commentSegment(`taken at ${GPS_MARKER_TEXT}`)]);

  it('the crafted file really carries GPS EXIF, XMP and a comment', () => {
    expect(contains(withGps, EXIF_HEADER)).toBe(true);
    expect(contains(withGps, GPS_LATITUDE_ENTRY)).toBe(true);
    expect(contains(withGps, GPS_MARKER_TEXT)).toBe(true);
  });

  it('removes APP1 (EXIF with GPS, XMP), APP2 and comments, and leaves exactly the clean image', () => {
    const stripped = stripPhotoMetadata(withGps);
    expect(contains(stripped.bytes, EXIF_HEADER)).toBe(false);
    expect(contains(stripped.bytes, GPS_LATITUDE_ENTRY)).toBe(false);
    expect(contains(stripped.bytes, GPS_MARKER_TEXT)).toBe(false);
    expect(contains(stripped.bytes, 'camera model')).toBe(false);
    expect(Buffer.from(stripped.bytes).equals(Buffer.from(clean))).toBe(true);
    expect(stripped).toMatchObject({ mimeType: 'image/jpeg', width: 16, height: 8 });
    expect(stripped.removed).toEqual(['EXIF/XMP (APP1)', 'ICC/FlashPix (APP2)', 'comment (COM)']);
  });

  it('keeps JFIF APP0 and the image data, which a JPEG decoder (pdf.js) still reads as the same picture', async () => {
    const stripped = stripPhotoMetadata(withGps);
    expect(contains(stripped.bytes, 'JFIF\0')).toBe(true);
    const decoded = await decodeJpeg(stripped.bytes, 16, 8);
    expect([decoded.width, decoded.height]).toEqual([16, 8]);
    expect(new Set(decoded.data)).toEqual(new Set([192]));
  });

  it('drops data after the end-of-image marker (some cameras hide metadata there)', () => {
    const trailing = buildJpeg(8, 8, [], [...Buffer.from(`trailer ${GPS_MARKER_TEXT}`)]);
    const stripped = stripPhotoMetadata(trailing);
    expect(contains(stripped.bytes, GPS_MARKER_TEXT)).toBe(false);
    expect(stripped.removed).toEqual(['data after the image end']);
  });

  it('keeps the Adobe APP14 colour record, which decoders need and which holds nothing personal', () => {
    const adobe = jpegSegment(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 1]);
    const stripped = stripPhotoMetadata(buildJpeg(8, 8, [adobe, exifSegment()]));
    expect(contains(stripped.bytes, 'Adobe')).toBe(true);
    expect(contains(stripped.bytes, GPS_MARKER_TEXT)).toBe(false);
  });

  it('keeps only the orientation of a portrait phone photo, so it is not shown sideways (big- and little-endian EXIF)', () => {
    for (const littleEndian of [false, true]) {
      const portrait = buildJpeg(16, 8, [exifSegment({ orientation: 6, littleEndian }), xmpSegment()]);
      const stripped = stripPhotoMetadata(portrait);
      expect(contains(stripped.bytes, GPS_MARKER_TEXT)).toBe(false);
      expect(contains(stripped.bytes, GPS_LATITUDE_ENTRY)).toBe(false);
      // Turned a quarter: shown 8 wide and 16 high.
      expect(stripped).toMatchObject({ orientation: 6, width: 8, height: 16 });
      expect(stripped.removed).toContain('EXIF/XMP (APP1)');
      // pdfkit (the engine under pdfmake, which draws the reports) reads the kept orientation, as a browser does.
      const doc = new PDFDocument() as unknown as { openImage(bytes: Buffer): { orientation: number } };
      expect(doc.openImage(Buffer.from(stripped.bytes)).orientation).toBe(6);
      // Stripping again changes nothing: the minimal block holds nothing more to remove.
      const again = stripPhotoMetadata(stripped.bytes);
      expect(Buffer.from(again.bytes).equals(Buffer.from(stripped.bytes))).toBe(true);
      expect(again.orientation).toBe(6);
    }
    // "Upright" (1) needs no block at all.
    const upright = stripPhotoMetadata(buildJpeg(16, 8, [exifSegment({ orientation: 1 })]));
    expect(contains(upright.bytes, EXIF_HEADER)).toBe(false);
    expect(upright).toMatchObject({ orientation: 1, width: 16, height: 8 });
  });

  it('leaves a file with no metadata unchanged', () => {
    const stripped = stripPhotoMetadata(clean);
    expect(Buffer.from(stripped.bytes).equals(Buffer.from(clean))).toBe(true);
    expect(stripped.removed).toEqual([]);
  });

  it('refuses a truncated JPEG rather than storing half a picture', () => {
    expect(() => stripPhotoMetadata(withGps.subarray(0, withGps.length - 6))).toThrow(PhotoFormatError);
    expect(() => stripPhotoMetadata(clean.subarray(0, 40))).toThrow(/damaged or incomplete/);
  });
});

describe('stripping PNG metadata', () => {
  const withGps = buildPng(5, 3, {
    beforeData: [exifChunk(), textChunk('Comment', GPS_MARKER_TEXT), pngChunk('tIME', [0x07, 0xea, 11, 23, 10, 0, 0]), pngChunk('pHYs', [0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])],
    afterData: [pngChunk('iTXt', [...Buffer.from('Location\0\0\0\0\0'), ...Buffer.from(GPS_MARKER_TEXT)]), pngChunk('zTXt', [...Buffer.from('Author\0\0'), 0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])],
  });

  it('the crafted file really carries GPS EXIF and text', () => {
    expect(contains(withGps, GPS_LATITUDE_ENTRY)).toBe(true);
    expect(contains(withGps, GPS_MARKER_TEXT)).toBe(true);
    expect(decodePng(withGps).chunks).toEqual(['IHDR', 'eXIf', 'tEXt', 'tIME', 'pHYs', 'IDAT', 'iTXt', 'zTXt', 'IEND']);
  });

  it('removes eXIf, tEXt, zTXt, iTXt and tIME, keeps the other chunks with valid CRCs, and the pixels are unchanged', () => {
    const stripped = stripPhotoMetadata(withGps);
    expect(contains(stripped.bytes, GPS_LATITUDE_ENTRY)).toBe(false);
    expect(contains(stripped.bytes, GPS_MARKER_TEXT)).toBe(false);
    expect(stripped).toMatchObject({ mimeType: 'image/png', width: 5, height: 3 });
    expect(stripped.removed).toEqual(['eXIf', 'tEXt', 'tIME', 'iTXt', 'zTXt']);
    const decoded = decodePng(stripped.bytes); // throws on any bad CRC
    expect(decoded.chunks).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect([decoded.width, decoded.height]).toEqual([5, 3]);
    expect(decoded.pixel(4, 2)).toEqual([4, 2, 7]);
    expect(decoded.pixel(0, 0)).toEqual([0, 0, 7]);
  });

  it('refuses a PNG whose chunk fails its checksum, or that is cut short', () => {
    const corrupt = Uint8Array.from(buildPng(2, 2));
    corrupt[20] = corrupt[20]! ^ 0xff; // inside IHDR's data
    expect(() => stripPhotoMetadata(corrupt)).toThrow(/fails its checksum/);
    const clean = buildPng(2, 2);
    expect(() => stripPhotoMetadata(clean.subarray(0, clean.length - 12))).toThrow(/ends before its IEND/);
  });
});

describe('telling photos apart by their bytes', () => {
  it('knows JPEG and PNG by their magic numbers, not by a name', () => {
    expect(sniffPhotoType(buildJpeg(8, 8))).toBe('image/jpeg');
    expect(sniffPhotoType(buildPng(1, 1))).toBe('image/png');
    expect(sniffPhotoType(Buffer.from('GIF89a........'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(() => stripPhotoMetadata(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toThrow(/Only JPEG and PNG/);
  });
});
