/**
 * The real type of an uploaded file, read from its bytes (magic numbers and, for
 * the ZIP-based formats, the archive's own entries), never from its name or the
 * declared content type. Pure: bytes in, a verdict out.
 *
 * The formats are those the agency accepts as evidence (docs/documents.md):
 * PDF, JPEG, PNG, HEIC, DOCX, ODT and EDOC / ASiC-E (the Latvian e-signed container).
 */

import { contentTypesOf, fileKinds, type FileKind } from '../../schemas/upload-limits';

export const kindOfContentType = (contentType: string): FileKind | undefined =>
  fileKinds.find((kind) => contentTypesOf[kind].includes(contentType.toLowerCase()));

/** What the bytes are: a kind, or why not one we take. `encrypted` is a password-protected PDF. */
export type Sniffed = { readonly kind: FileKind; readonly encrypted?: true } | { readonly kind: 'unknown' };

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString('latin1');

const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
/** `mif1`/`msf1` are generic HEIF brands (AVIF uses them too): HEIC only with a HEVC brand among the compatible ones. */
const genericHeifBrands = new Set(['mif1', 'msf1']);

const isHeic = (bytes: Uint8Array): boolean => {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const boxSize = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0);
  const major = ascii(bytes, 8, 12);
  if (heicBrands.has(major)) return true;
  if (!genericHeifBrands.has(major)) return false;
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length); at += 4) {
    if (heicBrands.has(ascii(bytes, at, at + 4))) return true;
  }
  return false;
};

/** Names of a ZIP archive's entries, from its central directory (the authoritative list). */
export const zipEntryNames = (bytes: Uint8Array): string[] | undefined => {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, view.length - 22 - 0xffff);
  let end = -1;
  for (let at = view.length - 22; at >= earliest; at--) {
    if (view.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    names.push(view.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
};

/**
 * ODF and ASiC-E put an uncompressed `mimetype` entry first, so its content sits right after the
 * first local header; OOXML (DOCX) has `[Content_Types].xml` and a `word/document.xml`.
 */
const zipKind = (bytes: Uint8Array): FileKind | undefined => {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names = zipEntryNames(bytes);
  if (!names) return undefined;
  if (names[0] === 'mimetype' && bytes.length >= 30) {
    const nameLength = view.readUInt16LE(26);
    const extraLength = view.readUInt16LE(28);
    const stored = view.readUInt16LE(8) === 0;
    const size = view.readUInt32LE(18);
    if (stored && ascii(bytes, 30, 30 + nameLength) === 'mimetype') {
      const start = 30 + nameLength + extraLength;
      const mimetype = ascii(bytes, start, start + size).trim();
      if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
      if (mimetype === 'application/vnd.etsi.asic-e+zip') return 'asice';
    }
  }
  if (names.includes('[Content_Types].xml') && names.includes('word/document.xml')) return 'docx';
  return undefined;
};

/** A PDF whose trailer names an encryption dictionary: the agency could not read it without the password. */
const isEncryptedPdf = (bytes: Uint8Array): boolean => {
  const tail = ascii(bytes, Math.max(0, bytes.length - 64 * 1024), bytes.length);
  return /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(tail);
};

export const sniff = (bytes: Uint8Array): Sniffed => {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return isEncryptedPdf(bytes) ? { kind: 'pdf', encrypted: true } : { kind: 'pdf' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'png' };
  if (isHeic(bytes)) return { kind: 'heic' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const kind = zipKind(bytes);
    return kind ? { kind } : { kind: 'unknown' };
  }
  return { kind: 'unknown' };
};
