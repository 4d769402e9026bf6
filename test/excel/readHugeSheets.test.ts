/**
 * The add-in's reader on sheets whose used range is the whole grid, and on merged areas: every
 * request stays under Excel's 5 MB and bounded in cells, or the sheet is refused by name.
 */
import { domainEngine } from "../../src/excel/engine";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { MAX_SPARSE_AREAS, UnreadableSheetError, readWorkbook } from "../../src/excel/readWorkbook";
import {
  FakeRequestContext,
  FakeWorkbook,
  PAYLOAD_LIMIT_BYTES,
  installOfficeGlobals,
  removeOfficeGlobals,
} from "./fakeExcel";
import { scoreRows } from "./helpers";

afterEach(() => removeOfficeGlobals());

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;

/** A score table at A1 and one stray value at XFD1048576: the used range is the whole grid. */
function hostWithFarCell(units = 5): FakeWorkbook {
  const host = new FakeWorkbook();
  const sheet = host.addSheet("DTI 2023", scoreRows(units));
  sheet.cell(LAST_ROW, LAST_COL).value = "x";
  return host;
}

async function read(host: FakeWorkbook) {
  installOfficeGlobals(host);
  return readWorkbook(new FakeRequestContext(host) as unknown as Excel.RequestContext);
}

/** The cells of a sheet that hold a value, as [row, col, value] in sheet coordinates. */
function cellsOf(sheet: {
  values: readonly (readonly unknown[])[];
  rowOffset?: number;
  colOffset?: number;
}): [number, number, unknown][] {
  const cells: [number, number, unknown][] = [];
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== "" && v !== undefined) {
        cells.push([r + (sheet.rowOffset ?? 0), c + (sheet.colOffset ?? 0), v]);
      }
    }),
  );
  return cells;
}

function expectBoundedRequests(host: FakeWorkbook): void {
  for (const sync of host.syncs) {
    expect(sync.requestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(sync.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }
}

describe("a sheet whose used range is the whole grid", () => {
  it("is read through its cells holding a value, in two requests more, each far under 5 MB", async () => {
    const host = hostWithFarCell();
    const reading = await read(host);
    const [sheet] = reading.sheets;
    expect(cellsOf(sheet)).toHaveLength(6 * 6 + 1);
    expect(cellsOf(sheet)).toContainEqual([LAST_ROW, LAST_COL, "x"]);
    expect(sheet.values[1]).toEqual([1, "UBND xã Số 1", 1000, 500, 3, 2023]);
    expect(sheet.values).toHaveLength(LAST_ROW + 1);
    // Sheets, used ranges, special-cell counts, their areas, then one request for the values.
    expect(host.syncCount).toBe(5);
    expectBoundedRequests(host);
    expect(Math.max(...host.syncs.map((s) => s.responseBytes))).toBeLessThan(20_000);
  });

  it("is ranked like the same table without the stray cell", async () => {
    const host = hostWithFarCell(12);
    installOfficeGlobals(host);
    const outcome = await rankInExcel(
      { options: { decisionDate: "2024-03-31" }, lang: "vi" },
      domainEngine,
    );
    expect(outcome.kind).toBe("written");
    const units = outcome.result.years[0].blocs[2].units;
    expect(units).toHaveLength(12);
    expect(units.filter((u) => u.status === "candidate").map((u) => u.name)).toHaveLength(3);
    expectBoundedRequests(host);
  });

  it("is refused by name, with its used range, where the host cannot list cells holding values", async () => {
    const host = hostWithFarCell();
    host.unsupportedSets.add("ExcelApi 1.9");
    const error = await read(host).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableSheetError);
    const refusal = error as UnreadableSheetError;
    expect(refusal.sheet).toBe("DTI 2023");
    expect(refusal.address).toBe("A1:XFD1048576");
    expect(refusal.bilingual.vi).toContain("Trang tính “DTI 2023” có vùng đã dùng A1:XFD1048576");
    expect(refusal.bilingual.en).toContain("Sheet “DTI 2023” has the used range A1:XFD1048576");
    expect(refusal.bilingual.en).toContain("Ctrl+End");
    expect(refusal.message).toContain(refusal.bilingual.vi);
    expectBoundedRequests(host);
  });

  it("is refused by name when its cells holding values lie in too many scattered areas", async () => {
    const host = hostWithFarCell();
    const sheet = host.sheet("DTI 2023");
    // Isolated cells, none touching another: each is an area of its own.
    for (let i = 0; i <= MAX_SPARSE_AREAS; i += 1) sheet.cell(10 + 2 * i, 10).value = i;
    const error = await read(host).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableSheetError);
    expect((error as UnreadableSheetError).bilingual.en).toMatch(
      /cells holding data in 20,00\d areas: too many to read/,
    );
    expectBoundedRequests(host);
  });
});

describe("merged areas", () => {
  function hostWithMerges(): FakeWorkbook {
    const host = new FakeWorkbook();
    const sheet = host.addSheet("DTI 2023", [["BẢNG ĐIỂM NĂM 2023"], [], ...scoreRows(4)]);
    sheet.merges.push(
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 3, left: 4, bottom: 6, right: 4 },
      { top: 19, left: 0, bottom: LAST_ROW, right: LAST_COL },
    );
    return host;
  }

  it("are read where the host has ExcelApi 1.13, cut to the cells holding values", async () => {
    const host = hostWithMerges();
    host.offeredSets.set("ExcelApi", "1.13");
    const reading = await read(host);
    expect(reading.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 3, left: 4, bottom: 6, right: 4 },
    ]);
    expect(host.syncCount).toBe(4);
    expectBoundedRequests(host);
  });

  it("bring the hidden rows and columns in the same request, sheet coordinates", async () => {
    const host = hostWithMerges();
    host.offeredSets.set("ExcelApi", "1.13");
    const sheet = host.sheet("DTI 2023");
    sheet.hiddenRows.add(4);
    sheet.hiddenRows.add(LAST_ROW); // hidden but empty: nothing to report
    sheet.hiddenColumns.add(3);
    const reading = await read(host);
    expect(reading.sheets[0].hiddenRows).toEqual([4]);
    expect(reading.sheets[0].hiddenColumns).toEqual([3]);
    expect(host.syncCount).toBe(4);
  });

  it("are not asked for where the host lacks ExcelApi 1.13", async () => {
    const host = hostWithMerges();
    host.sheet("DTI 2023").hiddenRows.add(4);
    const reading = await read(host);
    expect(reading.sheets[0].merges).toBeUndefined();
    expect(reading.sheets[0].hiddenRows).toBeUndefined();
    expect(host.syncCount).toBe(3);
  });

  it("are asked for in blocks of rows when a sheet has more than Excel lists at once", async () => {
    const host = new FakeWorkbook();
    const sheet = host.addSheet("DTI 2023", scoreRows(700));
    for (let r = 1; r <= 600; r += 1) sheet.merges.push({ top: r, left: 6, bottom: r, right: 7 });
    sheet.cell(0, 7).value = "Ghi chú";
    host.offeredSets.set("ExcelApi", "1.13");
    const reading = await read(host);
    expect(reading.sheets[0].merges).toHaveLength(600);
    expect(reading.sheets[0].merges?.[599]).toEqual({ top: 600, left: 6, bottom: 600, right: 7 });
    expectBoundedRequests(host);
  });
});
