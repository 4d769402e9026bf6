/**
 * The written workbook opened by another spreadsheet program: LibreOffice renders it to PDF. Part of
 * `npm run test:full` (CI installs LibreOffice for it); without LibreOffice this test fails and says
 * how to install it, it never passes quietly.
 */
import { spawnSync } from "child_process";
import { existsSync, statSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { tempDir } from "../fixtures/workbooks";

const EXAMPLE = path.resolve(__dirname, "../../samples/dti-example-2023.xlsx");
const SOFFICE = ["soffice", "libreoffice"].find(
  (bin) => spawnSync(bin, ["--version"], { stdio: "ignore" }).status === 0,
);

describe("the written workbook in LibreOffice", () => {
  it("converts to a PDF", async () => {
    if (!SOFFICE) {
      throw new Error(
        "LibreOffice (soffice) is not installed; Debian: apt-get install libreoffice-calc-nogui",
      );
    }
    const dir = tempDir();
    const out = path.join(dir, "render.xlsx");
    const quiet = { stdout: () => undefined, stderr: () => undefined, now: () => new Date() };
    expect(
      await main(["rank", EXAMPLE, "--out", out, "--decision-date", "2024-03-31"], quiet),
    ).toBe(0);
    expect(existsSync(out)).toBe(true);
    // A profile of its own, so that a LibreOffice the user has open does not take the job.
    const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
    const converted = spawnSync(
      SOFFICE,
      [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, out],
      { timeout: 120_000, encoding: "utf8" },
    );
    expect({ status: converted.status, stderr: converted.stderr }).toMatchObject({ status: 0 });
    const pdf = path.join(dir, "render.pdf");
    expect(existsSync(pdf)).toBe(true);
    expect(statSync(pdf).size).toBeGreaterThan(1000);
  }, 180_000);
});
