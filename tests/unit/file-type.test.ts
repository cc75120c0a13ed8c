/**
 * The real type of a file from its bytes: each accepted format is recognised,
 * and a file that only claims to be one (by name, content type or a near-miss
 * of its structure) is not. Encrypted PDFs are told apart.
 */
import { describe, expect, it } from 'vitest';
import { sniff, zipEntryNames } from '../../functions/core/file-type';
import { checkBytes, measureFormBytes } from '../../functions/core/uploads';
import { uploadLimits } from '../../schemas/uploads';
import { zip } from '../support/zip';

const bytes = (...values: number[]) => Buffer.from(values);
const ftyp = (major: string, ...compatible: string[]) => {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, index) => box.write(brand, 16 + 4 * index, 'latin1'));
  return Buffer.concat([box, Buffer.alloc(32)]);
};

const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const encryptedPdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer\n<< /Root 1 0 R /Encrypt 5 0 R /ID [<a><b>] >>\n%%EOF\n', 'latin1');
const docx = zip([
  { name: '[Content_Types].xml', content: '<Types/>' },
  { name: '_rels/.rels', content: '<Relationships/>' },
  { name: 'word/document.xml', content: '<w:document/>' },
]);
const odt = zip([
  { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
  { name: 'content.xml', content: '<office:document-content/>' },
  { name: 'META-INF/manifest.xml', content: '<manifest/>' },
]);
const asice = zip([
  { name: 'mimetype', content: 'application/vnd.etsi.asic-e+zip' },
  { name: 'izzina.pdf', content: pdf },
  { name: 'META-INF/signatures0.xml', content: '<XAdESSignatures/>' },
]);

describe('sniff', () => {
  it.each([
    ['a PDF', pdf, { kind: 'pdf' }],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), { kind: 'jpeg' }],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), { kind: 'png' }],
    ['a HEIC photo (heic brand)', ftyp('heic', 'mif1', 'heic'), { kind: 'heic' }],
    ['a HEIF image with a HEVC brand among the compatible ones', ftyp('mif1', 'mif1', 'heic'), { kind: 'heic' }],
    ['a DOCX', docx, { kind: 'docx' }],
    ['an ODT', odt, { kind: 'odt' }],
    ['an EDOC / ASiC-E container', asice, { kind: 'asice' }],
  ])('recognises %s', (_name, file, expected) => {
    expect(sniff(file)).toEqual(expected);
  });

  it('tells a password-protected PDF apart by the /Encrypt entry of its trailer', () => {
    expect(sniff(encryptedPdf)).toEqual({ kind: 'pdf', encrypted: true });
  });

  it.each([
    ['a Windows executable', Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(64)])],
    ['an ELF executable', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0)],
    ['plain text that mentions PDF', Buffer.from('This is a %PDF- document, honestly', 'utf8')],
    ['an AVIF image (HEIF brand, AV1 not HEVC)', ftyp('avif', 'mif1', 'avif')],
    ['a generic HEIF container without a HEVC brand', ftyp('mif1', 'mif1', 'miaf')],
    ['a ZIP of arbitrary files', zip([{ name: 'setup.exe', content: 'MZ' }])],
    ['an ODS spreadsheet (an ODF, but not text)', zip([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' }])],
    ['a ZIP whose mimetype entry is not first', zip([{ name: 'a.txt', content: 'x' }, { name: 'mimetype', content: 'application/vnd.etsi.asic-e+zip' }])],
    ['a DOCX without its document part', zip([{ name: '[Content_Types].xml', content: '<Types/>' }])],
    ['a truncated ZIP (no central directory)', docx.subarray(0, docx.length - 30)],
    ['nothing', Buffer.alloc(0)],
  ])('does not take %s for an accepted type', (_name, file) => {
    expect(sniff(file)).toEqual({ kind: 'unknown' });
  });

  it('lists a ZIP archive’s entries from its central directory', () => {
    expect(zipEntryNames(odt)).toEqual(['mimetype', 'content.xml', 'META-INF/manifest.xml']);
  });
});

describe('sniff, at the edges of each format', () => {
  /** The end-of-central-directory record: the last 22 bytes of an archive without a comment. */
  const endOf = (archive: Buffer) => archive.length - 22;
  /** The archive with `extra` and `comment` bytes after its first central-directory entry's name, as real writers add. */
  const withCentralExtras = (archive: Buffer, extra: number, comment: number) => {
    const directoryAt = archive.readUInt32LE(endOf(archive) + 16);
    const nameEnd = directoryAt + 46 + archive.readUInt16LE(directoryAt + 28);
    const result = Buffer.concat([archive.subarray(0, nameEnd), Buffer.alloc(extra + comment, 0x41), archive.subarray(nameEnd)]);
    result.writeUInt16LE(extra, directoryAt + 30);
    result.writeUInt16LE(comment, directoryAt + 32);
    result.writeUInt32LE(result.readUInt32LE(endOf(result) + 12) + extra + comment, endOf(result) + 12);
    return result;
  };
  /** The archive with a comment of `length` bytes after its end record (at most 65,535). */
  const withComment = (archive: Buffer, length: number) => {
    const result = Buffer.concat([archive, Buffer.alloc(length, 0x20)]);
    result.writeUInt16LE(length, endOf(archive) + 20);
    return result;
  };
  const spoiled = (file: Buffer, at: number, value: number) => {
    const copy = Buffer.from(file);
    copy[at] = value;
    return copy;
  };

  it('reads a file no longer than its signature, and a HEIC header of exactly 16 bytes', () => {
    expect(sniff(bytes(0xff, 0xd8, 0xff))).toEqual({ kind: 'jpeg' });
    expect(sniff(ftyp('heic').subarray(0, 16))).toEqual({ kind: 'heic' });
  });

  it('takes a HEVC brand only inside the ftyp box, after a generic HEIF brand', () => {
    const notFtyp = Buffer.from(ftyp('heic'));
    notFtyp.write('fty!', 4, 'latin1');
    expect(sniff(notFtyp)).toEqual({ kind: 'unknown' });
    // An AVIF that lists heic among its compatible brands is still not HEIC: only mif1/msf1 defer to the list.
    expect(sniff(ftyp('avif', 'heic'))).toEqual({ kind: 'unknown' });
    // A brand in the next box is not one of this box's brands.
    const box = ftyp('mif1', 'mif1');
    box.write('heic', 20, 'latin1');
    expect(sniff(box)).toEqual({ kind: 'unknown' });
  });

  it('reads an archive’s entries past extra fields, entry comments and an archive comment up to the longest allowed', () => {
    const names = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'];
    expect(zipEntryNames(withCentralExtras(docx, 9, 0))).toEqual(names);
    expect(zipEntryNames(withCentralExtras(docx, 0, 7))).toEqual(names);
    expect(zipEntryNames(withComment(docx, 10))).toEqual(names);
    expect(sniff(withComment(docx, 0xffff))).toEqual({ kind: 'docx' });
    expect(zipEntryNames(zip([]))).toEqual([]);
  });

  it('gives no entries for an archive whose directory is missing, misplaced or not a directory', () => {
    expect(zipEntryNames(docx.subarray(0, docx.length - 30))).toBeUndefined();
    const farOff = Buffer.from(docx);
    farOff.writeUInt32LE(0xfffffff0, endOf(docx) + 16);
    expect(zipEntryNames(farOff)).toBeUndefined();
    const directoryAt = docx.readUInt32LE(endOf(docx) + 16);
    expect(zipEntryNames(spoiled(docx, directoryAt, 0x51))).toBeUndefined();
    // A self-extracting executable carries an archive, but it is a program, not a document.
    const selfExtracting = Buffer.concat([Buffer.from('MZ', 'latin1'), docx]);
    selfExtracting.writeUInt32LE(directoryAt + 2, endOf(selfExtracting) + 16);
    expect(zipEntryNames(selfExtracting)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(sniff(selfExtracting)).toEqual({ kind: 'unknown' });
  });

  it('trusts a mimetype entry only stored uncompressed under that very name, its content read without trailing spaces', () => {
    expect(sniff(zip([{ name: 'mimetype', content: 'application/vnd.etsi.asic-e+zip\n' }, { name: 'a.xml', content: '<a/>' }]))).toEqual({ kind: 'asice' });
    // Compression method 8 (deflate) in the local header: the bytes after it are not the text they seem.
    expect(sniff(spoiled(asice, 8, 8))).toEqual({ kind: 'unknown' });
    // The local header names another entry than the directory does.
    expect(sniff(spoiled(asice, 30 + 7, 0x66))).toEqual({ kind: 'unknown' });
  });

  it('tells an encrypted PDF by any way its trailer may name the encryption dictionary', () => {
    for (const trailer of ['/Encrypt<</Filter/Standard/V 2>>', '/Encrypt 15  10  R', '/Encrypt\n12 0 R']) {
      expect(sniff(Buffer.from(`%PDF-1.6\n1 0 obj <<>> endobj\ntrailer << /Root 1 0 R ${trailer} >>\n%%EOF\n`, 'latin1')), trailer).toEqual({ kind: 'pdf', encrypted: true });
    }
  });
});

describe('checkBytes (the promote step’s own checks after the scan)', () => {
  it('passes a file whose size and bytes match what was declared', () => {
    expect(checkBytes({ size: pdf.length, contentType: 'application/pdf' }, pdf)).toBeUndefined();
    expect(checkBytes({ size: asice.length, contentType: 'application/x-edoc' }, asice)).toBeUndefined();
  });

  it('rejects a size other than the declared one, in either direction', () => {
    expect(checkBytes({ size: pdf.length - 1, contentType: 'application/pdf' }, pdf)).toBe('size_mismatch');
    expect(checkBytes({ size: pdf.length + 1, contentType: 'application/pdf' }, pdf)).toBe('size_mismatch');
  });

  it('rejects bytes of another accepted type than the declared one, and bytes of no accepted type', () => {
    expect(checkBytes({ size: docx.length, contentType: 'application/vnd.oasis.opendocument.text' }, docx)).toBe('type_mismatch');
    const executable = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(64)]);
    expect(checkBytes({ size: executable.length, contentType: 'application/pdf' }, executable)).toBe('type_mismatch');
  });

  it('rejects an encrypted PDF as such, so the person is told to remove the password', () => {
    expect(checkBytes({ size: encryptedPdf.length, contentType: 'application/pdf' }, encryptedPdf)).toBe('encrypted_pdf');
  });

  it('takes a file of exactly the per-file limit, and none a byte over it, even when declared so', () => {
    const atLimit = Buffer.concat([pdf, Buffer.alloc(uploadLimits.fileBytes - pdf.length, 0x20)]);
    const over = Buffer.concat([atLimit, Buffer.from(' ')]);
    expect(checkBytes({ size: atLimit.length, contentType: 'application/pdf' }, atLimit)).toBeUndefined();
    expect(checkBytes({ size: over.length, contentType: 'application/pdf' }, over)).toBe('size_mismatch');
    expect(measureFormBytes({ documentType: 'gp-opinion' }, atLimit)).toMatchObject({ size: uploadLimits.fileBytes, contentType: 'application/pdf' });
  });
});

describe('measureFormBytes (a portal form upload: the bytes say what the file is)', () => {
  const upload = { documentType: 'gp-opinion' as const };

  it('takes the size, the content type and a file name from the bytes of an accepted kind', () => {
    expect(measureFormBytes(upload, pdf)).toEqual({ size: pdf.length, contentType: 'application/pdf', fileName: 'gp-opinion.pdf' });
    expect(measureFormBytes(upload, asice)).toEqual({ size: asice.length, contentType: 'application/vnd.etsi.asic-e+zip', fileName: 'gp-opinion.edoc' });
    expect(measureFormBytes(upload, docx)).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName: 'gp-opinion.docx' });
  });

  it('refuses bytes of no accepted kind, an encrypted PDF, an empty file and one over the per-file limit', () => {
    expect(measureFormBytes(upload, Buffer.from('plain text that says it is a PDF'))).toBe('type_mismatch');
    expect(measureFormBytes(upload, encryptedPdf)).toBe('encrypted_pdf');
    expect(measureFormBytes(upload, Buffer.alloc(0))).toBe('size_mismatch');
    expect(measureFormBytes(upload, Buffer.concat([pdf, Buffer.alloc(uploadLimits.fileBytes)]))).toBe('size_mismatch');
  });
});
