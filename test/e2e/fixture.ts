/**
 * The workbook the browser test hands to the Office.js stand-in, and back: cells with their number
 * formats, sheet visibility, worksheet custom properties (the add-in's own-sheet markers) and the
 * saved document settings, so that a page opened later sees the workbook an earlier page left.
 * Pure over the in-memory host: bundled into the stand-in and used by the test process alike.
 */
import { FakeWorkbook, type FakeValue } from "../excel/fakeExcel";

export interface Fixture {
  readonly displayLanguage: string;
  readonly sheets: readonly {
    readonly name: string;
    readonly visibility: "Visible" | "Hidden" | "VeryHidden";
    /** Row, column, value and number format (the host derives date categories from it). */
    readonly cells: readonly [number, number, FakeValue, string?][];
    readonly customProperties?: readonly [string, string][];
  }[];
  /** Document settings as last saved (what Office keeps when the pane is reloaded). */
  readonly settings?: readonly [string, unknown][];
}

/**
 * The fixture of a host: what survives closing and reopening the task pane.
 *
 * @example
 * fixtureOf(new FakeWorkbook(), "vi-VN") //=> { displayLanguage: "vi-VN", sheets: [], settings: [] }
 */
export function fixtureOf(host: FakeWorkbook, displayLanguage: string): Fixture {
  return {
    displayLanguage,
    sheets: host.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      cells: [...sheet.cells].map(([key, cell]) => {
        const [r, c] = key.split(",").map(Number);
        return [r, c, cell.value, cell.numberFormat] as [number, number, FakeValue, string];
      }),
      customProperties: [...sheet.customProperties],
    })),
    settings: [...host.savedSettings],
  };
}

/**
 * A new in-memory host holding what a fixture describes.
 *
 * @example
 * hostFromFixture({ displayLanguage: "en-US", sheets: [] }).displayLanguage //=> "en-US"
 */
export function hostFromFixture(fixture: Fixture): FakeWorkbook {
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
    for (const [key, value] of sheet.customProperties ?? []) added.customProperties.set(key, value);
  }
  for (const [key, value] of fixture.settings ?? []) {
    host.settings.set(key, value);
    host.savedSettings.set(key, value);
  }
  return host;
}
