import { activateSheet } from "../../src/excel/activateSheet";
import { FakeWorkbook, installOfficeGlobals, removeOfficeGlobals } from "./fakeExcel";

afterEach(() => removeOfficeGlobals());

describe("activateSheet (the pane's link to the data-check sheet)", () => {
  it("brings the sheet to the front", async () => {
    const host = new FakeWorkbook();
    host.addSheet("DTI 2023", [["x"]]);
    host.addSheet("Kiểm tra dữ liệu", [["y"]]);
    installOfficeGlobals(host);
    await expect(activateSheet("Kiểm tra dữ liệu")).resolves.toBe(true);
    expect(host.activeSheet?.name).toBe("Kiểm tra dữ liệu");
  });

  it("says so, without an error, when the sheet was renamed or deleted", async () => {
    const host = new FakeWorkbook();
    host.addSheet("DTI 2023", [["x"]]);
    installOfficeGlobals(host);
    await expect(activateSheet("Kiểm tra dữ liệu")).resolves.toBe(false);
  });
});
