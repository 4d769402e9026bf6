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
  /** Requirement sets the host offers instead of its defaults (the browser test: the manifest's). */
  readonly offeredSets?: readonly [string, string][];
  /** The host's document settings cannot be saved: `saveAsync` fails with this Office error. */
  readonly settingsSaveFailure?: { readonly code: number; readonly message: string };
  /** Every Excel request fails with this error code (a protected or read-only workbook). */
  readonly syncFailure?: { readonly code: string; readonly message: string };
}

/**
 * The fixture of a host: what survives closing and reopening the task pane.
 *
 * @example
 * fixtureOf(new FakeWorkbook(), "vi-VN") //=> { displayLanguage: "vi-VN", sheets: [], settings: [], offeredSets: [] }
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
    offeredSets: [...host.offeredSets],
    ...(host.settingsSaveFailure ? { settingsSaveFailure: host.settingsSaveFailure } : {}),
    ...(host.syncFailure ? { syncFailure: host.syncFailure } : {}),
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
  for (const [name, version] of fixture.offeredSets ?? []) host.offeredSets.set(name, version);
  host.settingsSaveFailure = fixture.settingsSaveFailure ?? null;
  host.syncFailure = fixture.syncFailure ?? null;
  return host;
}
