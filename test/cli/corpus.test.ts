import * as path from "path";
import { readFileSync } from "fs";
import { main, type CliIo } from "../../src/cli/main";
import { writeRecipe } from "../corpus/build";
import { CORPUS } from "../corpus/cases";
import { tempDir } from "../fixtures/workbooks";

interface JsonUnit {
  readonly name: string;
  readonly status: string;
}
interface JsonResult {
  readonly years: readonly {
    readonly year: number;
    readonly blocs: readonly { readonly bloc: number; readonly units: readonly JsonUnit[] }[];
  }[];
}

const silent: CliIo = {
  stdout: () => undefined,
  stderr: () => undefined,
  now: () => new Date(2024, 2, 31),
};
const dir = tempDir("dti-awards-corpus-");

describe.each(CORPUS.filter((c) => !c.large).map((c) => [c.id, c] as const))(
  "the command line on corpus case %s",
  (id, corpusCase) => {
    it(`${corpusCase.expect.runnable ? "ranks" : "refuses with exit 2"} and proposes the expected candidates`, async () => {
      const input = path.join(dir, `${id}.xlsx`);
      const json = path.join(dir, `${id}.json`);
      await writeRecipe(corpusCase.sheets(), input);
      const argv = ["rank", input, "--out", path.join(dir, `${id}.awards.xlsx`), "--json", json];
      if (corpusCase.year !== undefined) argv.push("--year", String(corpusCase.year));
      argv.push("--decision-date", "2024-03-31");
      const code = await main(argv, silent);
      if (!corpusCase.expect.runnable) {
        expect(code).toBe(2);
        return;
      }
      expect(code).not.toBe(2);
      // Exit 1 exactly when some row could not be ranked.
      if (corpusCase.expect.invalid !== undefined) {
        expect(code).toBe(corpusCase.expect.invalid > 0 ? 1 : 0);
      }
      const result = JSON.parse(readFileSync(json, "utf8")) as JsonResult;
      for (const [key, names] of Object.entries(corpusCase.expect.candidates ?? {})) {
        const [year, bloc] = key.split("/").map(Number);
        const units =
          result.years.find((y) => y.year === year)?.blocs.find((b) => b.bloc === bloc)?.units ??
          [];
        expect([key, units.filter((u) => u.status === "candidate").map((u) => u.name)]).toEqual([
          key,
          names,
        ]);
      }
    });
  },
);
