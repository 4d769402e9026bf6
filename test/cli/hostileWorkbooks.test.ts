import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadWorkbookBytes } from "../../src/cli/readWorkbook";
import {
  HOSTILE_CASES,
  hostileSheetXml,
  hostileWorkbook,
  type HostileCase,
} from "../fixtures/rawXlsx";
import { tempDir } from "../fixtures/workbooks";
import { runCli, zipPartBytes } from "./runCli";

/** The cells of a sparse matrix that hold a value, as [row, col, value], 0-based. */
function cellsOf(values: readonly (readonly unknown[])[]): [number, number, unknown][] {
  const cells: [number, number, unknown][] = [];
  values.forEach((row, r) => row.forEach((v, c) => cells.push([r, c, v])));
  return cells;
}

describe("a tiny hostile workbook", () => {
  it.each(HOSTILE_CASES)("(%s) is a few kilobytes", (kind) => {
    expect(hostileWorkbook(kind).length).toBeLessThan(300 * 1024);
  });

  it.each(HOSTILE_CASES)(
    "(%s) is read as its cells holding a value, nothing more",
    async (kind: HostileCase) => {
      const load = await loadWorkbookBytes(hostileWorkbook(kind), `${kind}.xlsx`);
      if (!load.ok) throw new Error(load.failure.message.en);
      const [sheet] = load.loaded.sheets;
      const cells = cellsOf(sheet.values);
      const far = kind === "cell-at-grid-end" ? 1 : 0;
      // The title, five header cells and five units of five cells (and the far cell).
      expect(cells).toHaveLength(1 + 5 + 25 + far);
      expect(sheet.values[2]).toEqual([
        "STT",
        "Tên cơ quan, đơn vị",
        "Khối",
        "Điểm tối đa",
        "Điểm đạt được",
      ]);
      expect(sheet.values[3]).toEqual([1, "Sở số 1", 1, 1000, 950]);
      if (far) {
        expect(sheet.values).toHaveLength(1_048_576);
        expect(sheet.values[1_048_575][16_383]).toBe(1);
        expect(Object.keys(sheet.values[1_048_575])).toEqual(["16383"]);
      } else if (kind === "all-at-once") {
        // The far cell sits under the whole-grid merge: it reads blank, as in Office.
        expect(Object.keys(sheet.values[1_048_575] ?? [])).toEqual([]);
      } else {
        expect(sheet.values).toHaveLength(8);
      }
    },
  );

  it("keeps a merge over the whole grid only as far as the cells holding values", async () => {
    const merged = await loadWorkbookBytes(hostileWorkbook("merge-to-grid-end"), "m.xlsx");
    // A20:XFD1048576 lies below the last value (row 8): nothing is left of it; A1:E1 stays.
    expect(merged.ok && merged.loaded.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
    ]);
    const all = await loadWorkbookBytes(hostileWorkbook("all-at-once"), "a.xlsx");
    if (!all.ok) throw new Error(all.failure.message.en);
    // With a value at XFD1048576 the merge spans to it, and that cell reads blank, as in Office.
    expect(all.loaded.sheets[0].merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 19, left: 0, bottom: 1_048_575, right: 16_383 },
    ]);
    expect(cellsOf(all.loaded.sheets[0].values)).toHaveLength(31);
  });

  describe.each(HOSTILE_CASES)("(%s) ranked by the command line", (kind) => {
    const dir = tempDir();
    const input = path.join(dir, `${kind}.xlsx`);
    const out = path.join(dir, `${kind}.awards.xlsx`);
    let result: Awaited<ReturnType<typeof runCli>>;

    beforeAll(async () => {
      writeFileSync(input, hostileWorkbook(kind));
      result = await runCli(["rank", input, "--out", out, "--decision-date", "2024-03-31"]);
    }, 60_000);

    it("finishes and proposes the top unit", () => {
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/đề xuất\s+#1\s+Sở số 1/);
    });

    it("writes the officer's sheet into the copy byte for byte, hostile parts included", () => {
      const written = zipPartBytes(readFileSync(out), "xl/worksheets/sheet1.xml");
      expect(written?.toString("utf8")).toBe(hostileSheetXml(kind));
    });

    it("writes a copy that ExcelJS can open, with the candidate, data-check, list and decisions sheets added", async () => {
      // ExcelJS itself expands a whole-grid merge cell by cell: only the sheets it can open are
      // opened here; the others are checked part by part above.
      if (kind === "merge-to-grid-end" || kind === "all-at-once" || kind.startsWith("validation")) {
        return;
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        "DTI 2023",
        "Đề xuất khen thưởng 2023",
        "Kiểm tra dữ liệu",
        "Danh sách đề nghị khen thưởng",
        "Quyết định của Hội đồng",
      ]);
    }, 60_000);
  });
});
