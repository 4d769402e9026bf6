/**
 * The workbooks in samples/ are made by their generators, not edited by hand: each committed file
 * is byte for byte what its spec gives today, so a change to a generator without `npm run sample`
 * fails here instead of leaving the tests on stale data.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { withFixedZipTimes } from "../../samples/fixedZipTimes";
import { EXAMPLE_FILE, EXAMPLE_SPEC } from "../../samples/makeExample";
import { SAMPLE_SPEC } from "../../samples/makeSample";
import { officialWorkbookBytes, type OfficialWorkbookSpec } from "../../samples/officialWorkbook";
import { SAMPLE_FILE } from "../../src/cli/projectRoot";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function bytesWrittenAt(now: Date): Promise<Buffer> {
  // Only the clock is faked: ExcelJS's writer needs real timers to finish.
  jest.useFakeTimers({
    now,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
  try {
    const workbook = new ExcelJS.Workbook();
    // The workbook's own dates are fixed: only the zip's stamps carry the time of writing.
    workbook.created = workbook.modified = new Date(Date.UTC(2025, 2, 15));
    workbook.addWorksheet("DTI 2024").getCell("A1").value = "Sở Tư pháp";
    return Buffer.from(await workbook.xlsx.writeBuffer());
  } finally {
    jest.useRealTimers();
  }
}

describe("the committed sample workbooks", () => {
  it.each<[string, OfficialWorkbookSpec]>([
    [SAMPLE_FILE, SAMPLE_SPEC],
    [EXAMPLE_FILE, EXAMPLE_SPEC],
  ])("samples/%s is what its generator makes (else run npm run sample)", async (file, spec) => {
    const committed = readFileSync(path.resolve(__dirname, "../../samples", file));
    expect(sha256(await officialWorkbookBytes(spec))).toBe(sha256(committed));
  });
});

describe("withFixedZipTimes", () => {
  it("makes a workbook written at two different times byte-identical", async () => {
    const early = await bytesWrittenAt(new Date(Date.UTC(2020, 0, 1, 8, 0)));
    const late = await bytesWrittenAt(new Date(Date.UTC(2030, 5, 1, 17, 31)));
    expect(early.equals(late)).toBe(false);
    const day = new Date(Date.UTC(2025, 2, 15));
    expect(withFixedZipTimes(early, day).equals(withFixedZipTimes(late, day))).toBe(true);
  });

  it("leaves the contents readable", async () => {
    const fixed = withFixedZipTimes(
      await bytesWrittenAt(new Date()),
      new Date(Date.UTC(2025, 2, 15)),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fixed as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("DTI 2024")?.getCell("A1").value).toBe("Sở Tư pháp");
  });

  it("refuses bytes that are not a zip", () => {
    expect(() => withFixedZipTimes(Buffer.from("STT;Tên đơn vị"), new Date())).toThrow(/not a zip/);
  });
});
