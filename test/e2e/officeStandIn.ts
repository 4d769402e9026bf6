/**
 * The browser test's stand-in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js:
 * defines Office, Excel and CustomFunctions over the in-memory host, pre-loaded with the cells the
 * test serialised into `window.__DTI_FIXTURE__`, and exposes the host as `window.__dtiHost`.
 */
import { FakeWorkbook, installOfficeGlobals, type FakeValue } from "../excel/fakeExcel";

export interface Fixture {
  readonly displayLanguage: string;
  readonly sheets: readonly {
    readonly name: string;
    readonly visibility: "Visible" | "Hidden" | "VeryHidden";
    /** Row, column, value and number format (the host derives date categories from it). */
    readonly cells: readonly [number, number, FakeValue, string?][];
  }[];
}

const target = window as unknown as Record<string, unknown>;
const fixture = target.__DTI_FIXTURE__ as Fixture;
const host = new FakeWorkbook();
host.displayLanguage = fixture.displayLanguage;
for (const sheet of fixture.sheets) {
  const added = host.addSheet(sheet.name);
  added.visibility = sheet.visibility;
  for (const [r, c, v, format] of sheet.cells) {
    const cell = added.cell(r, c);
    cell.value = v;
    if (format) cell.numberFormat = format;
  }
}
target.__dtiHost = host;
target.__dtiOffice = installOfficeGlobals(host);
