import { decodeUtf8, type Utf8Reading } from '../../../shared/text';

/**
 * A chosen file's text, read as strict UTF-8: bytes that are not UTF-8 are refused with where
 * they are ("is not valid UTF-8 text: byte …"), never read as replacement characters (as
 * File.text() would).
 */
export async function readTextFile(file: File): Promise<Utf8Reading> {
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return { ok: false, problem: 'could not be read' };
  }
  return decodeUtf8(new Uint8Array(bytes));
}
