/**
 * Builds the example workbook the tests read: the officers' layout (see officialWorkbook.ts) for
 * 2023, clean — every row valid — with the situations the tests check planted by hand:
 *
 * - bloc 1: the Board's 660/700 (94.2857 %) ranks above Sở Tư pháp's 942.5/1000 (94.25 %) although
 *   a sheet showing one decimal rounds both to 94.3 %;
 * - bloc 2: Bình Thủy first with 907/1000;
 * - bloc 3: Tân Thạnh, Trường Xuân and Đông Bình take the three slots (474, 473.5 and 472 of 500),
 *   Thới Đông is fourth (470), and An Cư and Tân Thới share rank 5 (467.5 each);
 * - nominees: Trường Xuân, Đông Bình and An Cư propose nobody, while "Trường Xuân A" and "Trường
 *   Xuân B", names that begin like Trường Xuân, do: the three individual slots pass over the units
 *   without nominee, without mixing the names up, to Tân Thạnh, Thới Đông and Tân Thới;
 * - bloc 4: FPT Telecom first with 93 of 100.
 *
 * Run: `npm run sample` (writes samples/dti-example-2023.xlsx, and the demo's sample beside it).
 */
import { AGENCIES, type OfficialWorkbookSpec } from "./officialWorkbook";
import { writeSpecWorkbook } from "./makeSample";

export const EXAMPLE_YEAR = 2023;
export const EXAMPLE_FILE = "dti-example-2023.xlsx";

export const EXAMPLE_SPEC: OfficialWorkbookSpec = {
  year: EXAMPLE_YEAR,
  seed: 20230140,
  agencies: AGENCIES,
  planted: {
    "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ": 660,
    "Sở Tư pháp": 942.5,
    "UBND quận Bình Thủy": 907,
    "UBND xã Tân Thạnh": 474,
    "UBND xã Trường Xuân": 473.5,
    "UBND xã Đông Bình": 472,
    "UBND xã Thới Đông": 470,
    "UBND phường An Cư": 467.5,
    "UBND xã Tân Thới": 467.5,
  },
  // Every random ratio stays below the planted ones of its bloc.
  randomFloor: { 1: 0.6, 2: 0.6, 3: 0.5 },
  randomCeiling: { 1: 0.9, 2: 0.88, 3: 0.92 },
  plantedEnterprises: { "FPT Telecom Cần Thơ": 93 },
  noNominee: new Set(["UBND xã Trường Xuân", "UBND xã Đông Bình", "UBND phường An Cư"]),
  twoNominees: new Set(["UBND xã Trường Xuân A", "UBND xã Trường Xuân B"]),
  nomineeUnitSpelling: {},
};

/**
 * Writes the example workbook (default: samples/dti-example-2023.xlsx in the project).
 *
 * @example
 * await writeExampleWorkbook("/tmp/example.xlsx") //=> "/tmp/example.xlsx"
 */
export function writeExampleWorkbook(file?: string): Promise<string> {
  return writeSpecWorkbook(EXAMPLE_SPEC, EXAMPLE_FILE, file);
}

if (require.main === module) {
  writeExampleWorkbook(process.argv[2]).then(
    (file) => process.stdout.write(`${file}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
