/**
 * A small reader of the zip container an .xlsx file is, written with plain Buffer code so that a
 * hostile file is refused before ExcelJS (and its unzip library) ever inflates it.
 */
import * as zlib from "zlib";
import { deflateRawSync, inflateRawSync } from "zlib";

/** One file inside the zip, as its central directory describes it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** The CRC-32 of the uncompressed bytes, as the directory records it. */
  readonly crc32: number;
}

export type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly reason: "not-zip" | "truncated" | "corrupt" | "zip64" };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Where the end-of-central-directory record starts, scanning back over a possible comment. */
function findEndRecord(buffer: Buffer): number {
  const earliest = Math.max(0, buffer.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = buffer.length - END_RECORD_SIZE; at >= earliest; at -= 1) {
    if (buffer.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return -1;
}

/**
 * Lists the entries of a zip from its central directory, without inflating anything.
 *
 * @example
 * readZipDirectory(Buffer.from("not a zip")) //=> { ok: false, reason: "not-zip" }
 */
export function readZipDirectory(buffer: Buffer): ZipDirectory {
  const startsLikeZip = buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL_FILE_HEADER;
  // A zip keeps its directory at its end: one that starts right but has no end was cut short
  // (an unfinished download or copy).
  if (buffer.length < END_RECORD_SIZE) {
    return { ok: false, reason: startsLikeZip ? "truncated" : "not-zip" };
  }
  const end = findEndRecord(buffer);
  if (end < 0) return { ok: false, reason: startsLikeZip ? "truncated" : "not-zip" };
  const count = buffer.readUInt16LE(end + 10);
  const directorySize = buffer.readUInt32LE(end + 12);
  const directoryOffset = buffer.readUInt32LE(end + 16);
  // Saturated fields mean a ZIP64 archive: no spreadsheet under the size limit needs one.
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    return { ok: false, reason: "zip64" };
  }
  if (directoryOffset + directorySize > end) return { ok: false, reason: "corrupt" };
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== CENTRAL_FILE_HEADER) {
      return { ok: false, reason: "corrupt" };
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: buffer.readUInt16LE(at + 10),
      crc32: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      uncompressedSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString("utf8", at + 46, Math.min(end, at + 46 + nameLength)),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    ) {
      return { ok: false, reason: "zip64" };
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/**
 * Inflates one entry, never producing more than the size its directory record declares: a
 * "zip bomb" that lies about its sizes fails here instead of filling memory.
 * Returns `null` when the entry is damaged, lies about its size or uses another compression.
 *
 * @example
 * const dir = readZipDirectory(xlsxBytes);
 * dir.ok && readZipEntry(xlsxBytes, dir.entries[0])?.toString("utf8").slice(0, 5) //=> "<?xml"
 */
export function readZipEntry(buffer: Buffer, entry: ZipEntry): Buffer | null {
  const data = compressedData(buffer, entry);
  if (data === null) return null;
  if (entry.method === 0) {
    return data.length === entry.uncompressedSize ? Buffer.from(data) : null;
  }
  if (entry.method !== 8) return null;
  try {
    const inflated = inflateRawSync(data, {
      maxOutputLength: Math.max(1, entry.uncompressedSize),
    });
    return inflated.length === entry.uncompressedSize ? inflated : null;
  } catch {
    return null;
  }
}

/**
 * The stored (compressed) bytes of an entry, as they sit in the archive, or `null` when its local
 * header is missing or the data runs past the end of the file.
 *
 * @example
 * compressedData(zip, entry)?.length === entry.compressedSize //=> true
 */
export function compressedData(buffer: Buffer, entry: ZipEntry): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_FILE_HEADER) return null;
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  return stop > buffer.length ? null : buffer.subarray(start, stop);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib's native CRC-32, in Node from 20.15 and 22.2 on. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;

/**
 * The CRC-32 a zip records for a part: zlib's where Node has it, else computed here.
 *
 * @example
 * crc32(Buffer.from("abc")) //=> 891568578
 */
export function crc32(data: Buffer): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  return tableCrc32(data);
}

/**
 * The CRC-32 computed byte by byte from a table (for Node versions without zlib's).
 *
 * @example
 * tableCrc32(Buffer.from("abc")) //=> 891568578
 */
export function tableCrc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** New parts larger than this are deflated at zlib's fastest level. */
const FAST_DEFLATE_BYTES = 4 * 1024 * 1024;

/** A part of a zip to write: new bytes to deflate, or an entry copied as stored in another zip. */
export type ZipPart =
  | { readonly name: string; readonly data: Buffer }
  | { readonly name: string; readonly copy: ZipEntry; readonly from: Buffer };

/**
 * Writes a zip archive. Copied entries keep their compressed bytes and CRC as they were (an
 * officer's part is never re-encoded); new data is deflated. Returns `null` when a copied entry
 * cannot be found in its source.
 *
 * @example
 * const zip = writeZip([{ name: "a.txt", data: Buffer.from("xin chào") }]);
 * readZipDirectory(zip!).ok //=> true
 */
export function writeZip(parts: readonly ZipPart[]): Buffer | null {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    let method: number;
    let crc: number;
    let size: number;
    let stored: Buffer;
    if ("copy" in part) {
      const data = compressedData(part.from, part.copy);
      if (data === null) return null;
      ({ method, crc32: crc, uncompressedSize: size } = part.copy);
      stored = data;
    } else {
      method = 8;
      crc = crc32(part.data);
      size = part.data.length;
      // A large new part (a candidate sheet of many thousand rows) is deflated fast rather than
      // small: the time is the officer's, the few megabytes more are not.
      stored = deflateRawSync(part.data, { level: part.data.length > FAST_DEFLATE_BYTES ? 1 : 6 });
    }
    const name = Buffer.from(part.name, "utf8");
    // Bit 11: the name is UTF-8.
    const flags = 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_FILE_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(END_RECORD_SIZE);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** The size limits a workbook must respect before it is opened. */
export interface PackageLimits {
  readonly maxFileBytes: number;
  readonly maxUncompressedBytes: number;
  /** Cells holding a value, over all worksheets: each becomes a value the engine reads. */
  readonly maxCells: number;
  /** Entries of the shared-strings table, which ExcelJS holds in full. */
  readonly maxSharedStrings: number;
}

/**
 * Chosen so that the largest workbook accepted is ranked within about 4 GB of memory: measured
 * here, 600,000 cells (the 100,000-row benchmark) peak at 2.3 GB and 990,000 cells at 3.4 GB.
 */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCells: 1_000_000,
  maxSharedStrings: 1_000_000,
};

export type PackageCheck =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | {
      readonly ok: false;
      readonly reason:
        | "file-too-large"
        | "legacy-or-encrypted"
        | "not-xlsx"
        | "corrupt"
        | "truncated"
        | "uncompressed-too-large"
        | "too-many-cells"
        | "too-many-strings";
      /** Bytes: the file's size, or the declared uncompressed total; or the count found. */
      readonly bytes: number;
    };

/** The signature of an OLE2 compound file: an old .xls, or a password-protected .xlsx. */
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Decides whether bytes are an .xlsx package that is safe to open: under the file-size limit, a
 * zip whose declared uncompressed total is under its limit, with a workbook part inside, and
 * whose entries inflate to no more than they declare.
 *
 * @example
 * checkXlsxPackage(Buffer.from("hello")) //=> { ok: false, reason: "not-xlsx", bytes: 5 }
 */
export function checkXlsxPackage(
  buffer: Buffer,
  limits: PackageLimits = DEFAULT_PACKAGE_LIMITS,
): PackageCheck {
  if (buffer.length > limits.maxFileBytes) {
    return { ok: false, reason: "file-too-large", bytes: buffer.length };
  }
  if (buffer.subarray(0, 8).equals(OLE2_SIGNATURE)) {
    return { ok: false, reason: "legacy-or-encrypted", bytes: buffer.length };
  }
  const directory = readZipDirectory(buffer);
  if (!directory.ok) {
    const reason =
      directory.reason === "not-zip"
        ? "not-xlsx"
        : directory.reason === "truncated"
          ? "truncated"
          : "corrupt";
    return { ok: false, reason, bytes: buffer.length };
  }
  const declared = directory.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) {
    return { ok: false, reason: "uncompressed-too-large", bytes: declared };
  }
  const names = new Set(directory.entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) {
    return { ok: false, reason: "not-xlsx", bytes: buffer.length };
  }
  let cells = 0;
  for (const entry of directory.entries) {
    if (entry.name.endsWith("/") && entry.uncompressedSize === 0) continue;
    const part = readZipEntry(buffer, entry);
    if (part === null) return { ok: false, reason: "corrupt", bytes: buffer.length };
    if (WORKSHEET_PART.test(entry.name)) {
      // Cells holding a value (a <v> or an inline <is>); styled blanks cost the reader nothing.
      cells += countTags(part, "v") + countTags(part, "is");
      if (cells > limits.maxCells) return { ok: false, reason: "too-many-cells", bytes: cells };
    } else if (entry.name === SHARED_STRINGS_PART) {
      const strings = countTags(part, "si");
      if (strings > limits.maxSharedStrings) {
        return { ok: false, reason: "too-many-strings", bytes: strings };
      }
    }
  }
  return { ok: true, entries: directory.entries };
}

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS_PART = "xl/sharedStrings.xml";

/**
 * How many elements named `tag` an XML part opens (`<tag>`, `<tag …>` or `<tag/>`), counted on
 * the bytes without parsing: what ExcelJS would turn into objects.
 *
 * @example
 * countTags(Buffer.from('<row><c r="A1"/><c r="B1"><v>1</v></c><col/></row>'), "c") //=> 2
 */
export function countTags(part: Buffer, tag: string): number {
  const open = Buffer.from(`<${tag}`);
  let count = 0;
  for (let at = part.indexOf(open); at >= 0; at = part.indexOf(open, at + open.length)) {
    const next = part[at + open.length];
    // ">", "/", space, tab, CR or LF: the whole name, not a longer one such as <col>.
    if (
      next === 0x3e ||
      next === 0x2f ||
      next === 0x20 ||
      next === 0x09 ||
      next === 0x0d ||
      next === 0x0a
    ) {
      count += 1;
    }
  }
  return count;
}
