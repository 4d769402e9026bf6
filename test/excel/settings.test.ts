/**
 * The add-in's document settings: the officer's column mapping (old and new shapes), the decision
 * date, and what happens when Office cannot save them (it is reported, never lost).
 */
import { failureOf, SettingsNotSavedError } from "../../src/excel/failures";
import {
  loadMapping,
  mappingFrom,
  optionsWithMapping,
  saveDecisionDate,
  saveMapping,
} from "../../src/excel/mapping";
import { DECISION_DATE_SETTING, MAPPING_SETTING } from "../../src/excel/marker";
import { rankInExcel } from "../../src/excel/rankInExcel";
import { FakeWorkbook, installOfficeGlobals, removeOfficeGlobals } from "./fakeExcel";
import { scoreRows, stubEngine } from "./helpers";

afterEach(() => removeOfficeGlobals());

const SAVE_FAILURE = { code: 5001, message: "An internal error has occurred." };

describe("the column mapping", () => {
  it("reads the columns, letters included, and the bloc of a one-bloc sheet", () => {
    expect(
      mappingFrom({ sheet: "Xã", columns: { unit: "Tên xã", score: "D", note: "G" }, bloc: 3 }),
    ).toEqual({ sheet: "Xã", columns: { unit: "Tên xã", score: "D", note: "G" }, bloc: 3 });
    expect(mappingFrom({ bloc: 5 })).toEqual({});
  });

  it("still reads mappings saved under 'headers' before columns could be letters", () => {
    expect(mappingFrom({ sheet: "DTI", headers: { unit: "Tên", score: "Điểm" } })).toEqual({
      sheet: "DTI",
      columns: { unit: "Tên", score: "Điểm" },
    });
    // A newer choice of the same role wins over the old one.
    expect(mappingFrom({ headers: { score: "Điểm" }, columns: { score: "E" } })).toEqual({
      columns: { score: "E" },
    });
  });

  it("gives Rank the chosen columns and bloc", () => {
    expect(
      optionsWithMapping(
        { decisionDate: "2024-03-15" },
        { sheet: "Xã", headerRow: 4, columns: { unit: "B", excluded: "Không xét" }, bloc: 3 },
      ),
    ).toEqual({
      decisionDate: "2024-03-15",
      sheets: ["Xã"],
      headerRow: 4,
      columns: { unit: "B", excluded: "Không xét" },
      bloc: 3,
    });
  });

  it("is saved in the workbook, and read back", async () => {
    const host = new FakeWorkbook();
    installOfficeGlobals(host);
    await saveMapping({ sheet: "Xã", columns: { unit: "B" }, bloc: 2 });
    expect(host.savedSettings.get(MAPPING_SETTING)).toEqual({
      sheet: "Xã",
      columns: { unit: "B" },
      bloc: 2,
    });
    expect(loadMapping()).toEqual({ sheet: "Xã", columns: { unit: "B" }, bloc: 2 });
  });
});

describe("a document-settings save that Office refuses", () => {
  it("rejects saving the mapping with Office's code, which the pane shows as SETTINGS-5001", async () => {
    const host = new FakeWorkbook();
    host.settingsSaveFailure = SAVE_FAILURE;
    installOfficeGlobals(host);
    const saving = saveMapping({ sheet: "Xã" });
    await expect(saving).rejects.toBeInstanceOf(SettingsNotSavedError);
    const error = await saving.catch((e: unknown) => e);
    expect(failureOf(error).code).toBe("SETTINGS-5001");
    expect(failureOf(error).message.vi).toContain("không lưu được");
    expect(host.savedSettings.size).toBe(0);
    // The choice still holds until the pane is closed.
    expect(loadMapping()).toEqual({ sheet: "Xã" });
  });

  it("rejects saving the decision date", async () => {
    const host = new FakeWorkbook();
    host.settingsSaveFailure = SAVE_FAILURE;
    installOfficeGlobals(host);
    await expect(saveDecisionDate("2024-03-15")).rejects.toBeInstanceOf(SettingsNotSavedError);
    expect(host.settings.get(DECISION_DATE_SETTING)).toBe("2024-03-15");
    expect(host.savedSettings.has(DECISION_DATE_SETTING)).toBe(false);
  });

  it("is reported by a Rank on an older host, whose sheets are written all the same", async () => {
    const host = new FakeWorkbook();
    host.addSheet("DTI 2023", scoreRows(5), 6, 1);
    host.unsupportedSets.add("ExcelApi 1.12");
    host.settingsSaveFailure = SAVE_FAILURE;
    installOfficeGlobals(host);
    const outcome = await rankInExcel(
      { options: { decisionDate: "2024-03-15" }, lang: "vi" },
      stubEngine(),
    );
    expect(outcome.kind).toBe("written");
    expect(outcome.kind === "written" && outcome.settingsNotSaved?.officeCode).toBe(5001);
    expect(host.sheets.map((s) => s.name)).toContain("Đề xuất khen thưởng 2023");
  });

  it("is not reported when the save succeeds", async () => {
    const host = new FakeWorkbook();
    host.addSheet("DTI 2023", scoreRows(5), 6, 1);
    host.unsupportedSets.add("ExcelApi 1.12");
    installOfficeGlobals(host);
    const outcome = await rankInExcel(
      { options: { decisionDate: "2024-03-15" }, lang: "vi" },
      stubEngine(),
    );
    expect(outcome.kind === "written" && outcome.settingsNotSaved).toBeNull();
  });
});

describe("failures in the officer's words", () => {
  it("keeps Excel's code for IT and never shows Excel's English text in Vietnamese", () => {
    const failure = failureOf({
      code: "InvalidOperationInCellEditMode",
      message: "Cell edit mode.",
    });
    expect(failure.code).toBe("EXCEL-InvalidOperationInCellEditMode");
    expect(failure.action.vi).toContain("Enter hoặc Esc");
    expect(JSON.stringify(failure)).not.toContain("Cell edit mode");
    const unknown = failureOf({ code: "SomethingNew", message: "Internal." });
    expect(unknown.code).toBe("EXCEL-SomethingNew");
    expect(unknown.message.vi).toContain("Excel báo lỗi");
    expect(failureOf(new TypeError("x")).code).toBe("APP-TypeError");
    expect(failureOf(new SettingsNotSavedError(null)).code).toBe("SETTINGS-FAILED");
  });
});
