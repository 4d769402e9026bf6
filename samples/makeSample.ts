/**
 * Builds the sample workbook the demo ranks, in the officers' layout (see officialWorkbook.ts).
 * Two things are planted for the demo: a tie at the bloc-3 cut-off and one invalid row (a score
 * above the max score).
 *
 * Run: `npm run sample` (writes samples/dti-sample-2024.xlsx, and the tests' example beside it).
 */
import { writeFileSync } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { projectRoot, SAMPLE_FILE } from "../src/cli/projectRoot";
import {
  AGENCIES,
  buildOfficialWorkbook,
  officialUnits,
  officialWorkbookBytes,
  type OfficialUnit,
  type OfficialWorkbookSpec,
} from "./officialWorkbook";

export const SAMPLE_YEAR = 2024;

/**
 * The demo's workbook. Scores placed by hand so the demo shows what it must: a clear first place in
 * blocs 1 and 2, two agencies with equal ratios on different maxima (440/500 = 880/1000), a tie for
 * the last bloc-3 slot (ranks 3 and 4 at 466/500), and a score typed above the max score (Long
 * Hòa's 521 of 500). Bình Thủy proposes nobody, so it is passed over for the individual slot; the
 * invalid row is not ranked, so its people would only add a warning. One unit's nominees write its
 * name the long way, and the matcher must still find it.
 */
export const SAMPLE_SPEC: OfficialWorkbookSpec = {
  year: SAMPLE_YEAR,
  seed: 20240140,
  agencies: AGENCIES,
  planted: {
    "Sở Tư pháp": 948.5,
    "Sở Khoa học và Công nghệ": 440,
    "Sở Tài nguyên và Môi trường": 880,
    "UBND quận Bình Thủy": 915.5,
    "UBND huyện Vĩnh Thạnh": 884,
    "UBND phường An Cư": 478,
    "UBND xã Thạnh Lợi": 471.5,
    "UBND phường Cái Khế": 466,
    "UBND xã Trường Long": 466,
    "UBND thị trấn Thới Lai": 462.5,
    "UBND phường Long Hòa": 521,
  },
  randomFloor: { 1: 0.58, 2: 0.62, 3: 0.5 },
  randomCeiling: { 1: 0.87, 2: 0.87, 3: 0.9 },
  plantedEnterprises: {},
  noNominee: new Set(["UBND quận Bình Thủy", "UBND phường Long Hòa"]),
  twoNominees: new Set(),
  nomineeUnitSpelling: { "UBND xã Thạnh Lợi": "Ủy ban nhân dân xã Thạnh Lợi" },
};

/** Every unit of blocs 1–3 of the sample with its score, in the sheet's order. */
export function sampleUnits(): OfficialUnit[] {
  return officialUnits(SAMPLE_SPEC);
}

/**
 * The sample workbook, built in memory.
 *
 * @example
 * buildSampleWorkbook().worksheets.map((ws) => ws.name)
 * //=> ["DTI 2024", "Khối 4 - Doanh nghiệp", "Cá nhân đề xuất"]
 */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  return buildOfficialWorkbook(SAMPLE_SPEC);
}

/**
 * Writes the workbook of a spec to `file`, or to `samples/<fileName>` in the project.
 *
 * @example
 * await writeSpecWorkbook(SAMPLE_SPEC, "dti-sample-2024.xlsx") //=> ".../samples/dti-sample-2024.xlsx"
 */
export async function writeSpecWorkbook(
  spec: OfficialWorkbookSpec,
  fileName: string,
  file?: string,
): Promise<string> {
  const target = file ?? path.join(projectRoot(__dirname) ?? process.cwd(), "samples", fileName);
  writeFileSync(target, await officialWorkbookBytes(spec));
  return target;
}

/**
 * Writes the sample workbook (default: samples/dti-sample-2024.xlsx in the project).
 *
 * @example
 * await writeSampleWorkbook("/tmp/sample.xlsx") //=> "/tmp/sample.xlsx"
 */
export function writeSampleWorkbook(file?: string): Promise<string> {
  return writeSpecWorkbook(SAMPLE_SPEC, SAMPLE_FILE, file);
}

if (require.main === module) {
  writeSampleWorkbook(process.argv[2]).then(
    (file) => process.stdout.write(`${file}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
