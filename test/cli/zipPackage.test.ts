import { readFileSync } from "fs";
import * as path from "path";
import { deflateRawSync } from "zlib";
import {
  DEFAULT_PACKAGE_LIMITS,
  checkXlsxPackage,
  countTags,
  readZipDirectory,
  readZipEntry,
} from "../../src/cli/zipPackage";

const EXAMPLE = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");

interface Part {
  name: string;
  data: Buffer;
  /** Lie about the uncompressed size in the directory. */
  declaredSize?: number;
}

/** A minimal zip writer for hostile test archives (deflate, no data descriptors). */
function makeZip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const compressed = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XLSX_PARTS: Part[] = [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
];

describe("readZipDirectory", () => {
  it("lists the parts of a real workbook", () => {
    const directory = readZipDirectory(readFileSync(EXAMPLE));
    expect(directory.ok).toBe(true);
    if (!directory.ok) return;
    expect(directory.entries.map((e) => e.name)).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
      ]),
    );
  });

  it("says a text file is not a zip", () => {
    expect(readZipDirectory(Buffer.from("STT,Tên đơn vị\n1,Sở Y tế\n"))).toEqual({
      ok: false,
      reason: "not-zip",
    });
  });
});

describe("readZipEntry", () => {
  it("inflates a part to its declared size", () => {
    const zip = makeZip([{ name: "a.xml", data: Buffer.from("<a>xin chào</a>") }]);
    const directory = readZipDirectory(zip);
    expect(directory.ok && readZipEntry(zip, directory.entries[0])?.toString("utf8")).toBe(
      "<a>xin chào</a>",
    );
  });

  it("refuses a part that inflates to more than it declares", () => {
    const zip = makeZip([{ name: "a.xml", data: Buffer.alloc(100_000, 65), declaredSize: 10 }]);
    const directory = readZipDirectory(zip);
    expect(directory.ok && readZipEntry(zip, directory.entries[0])).toBeNull();
  });
});

describe("checkXlsxPackage", () => {
  it("accepts the example workbook", () => {
    expect(checkXlsxPackage(readFileSync(EXAMPLE)).ok).toBe(true);
  });

  it("refuses a file over the size limit", () => {
    const check = checkXlsxPackage(readFileSync(EXAMPLE), {
      ...DEFAULT_PACKAGE_LIMITS,
      maxFileBytes: 1000,
    });
    expect(check).toMatchObject({ ok: false, reason: "file-too-large" });
  });

  it("refuses a package whose parts declare more than the uncompressed limit", () => {
    const bomb = makeZip([
      ...XLSX_PARTS,
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(2_000_000) },
    ]);
    const check = checkXlsxPackage(bomb, {
      ...DEFAULT_PACKAGE_LIMITS,
      maxUncompressedBytes: 1_000_000,
    });
    expect(check).toMatchObject({ ok: false, reason: "uncompressed-too-large" });
    if (!check.ok) expect(check.bytes).toBeGreaterThan(2_000_000);
  });

  it("refuses a package with more cells than ExcelJS can hold within the memory bound", () => {
    const cells = '<c r="A1"><v>1</v></c>'.repeat(50) + "<col/><cols/>";
    const sheet = Buffer.from(`<worksheet><sheetData><row>${cells}</row></sheetData></worksheet>`);
    const many = makeZip([...XLSX_PARTS, { name: "xl/worksheets/sheet1.xml", data: sheet }]);
    expect(checkXlsxPackage(many, { ...DEFAULT_PACKAGE_LIMITS, maxCells: 49 })).toEqual({
      ok: false,
      reason: "too-many-cells",
      bytes: 50,
    });
    expect(checkXlsxPackage(many, { ...DEFAULT_PACKAGE_LIMITS, maxCells: 50 }).ok).toBe(true);
  });

  it("refuses a huge shared-strings table", () => {
    const strings = Buffer.from(`<sst>${"<si><t>x</t></si>".repeat(30)}</sst>`);
    const table = makeZip([...XLSX_PARTS, { name: "xl/sharedStrings.xml", data: strings }]);
    expect(checkXlsxPackage(table, { ...DEFAULT_PACKAGE_LIMITS, maxSharedStrings: 29 })).toEqual({
      ok: false,
      reason: "too-many-strings",
      bytes: 30,
    });
  });

  it("counts whole element names only", () => {
    expect(countTags(Buffer.from('<c r="A1"/><c>1</c><col/><cols><c\n r="B1"/>'), "c")).toBe(3);
  });

  it("refuses a package that lies about its uncompressed sizes", () => {
    const liar = makeZip([
      ...XLSX_PARTS,
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(3_000_000), declaredSize: 100 },
    ]);
    expect(checkXlsxPackage(liar)).toMatchObject({ ok: false, reason: "corrupt" });
  });

  it("refuses a zip that is not a workbook", () => {
    const zip = makeZip([{ name: "readme.txt", data: Buffer.from("hello") }]);
    expect(checkXlsxPackage(zip)).toMatchObject({ ok: false, reason: "not-xlsx" });
  });

  it("recognises an old .xls or password-protected file", () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    expect(checkXlsxPackage(ole)).toMatchObject({ ok: false, reason: "legacy-or-encrypted" });
  });
});
