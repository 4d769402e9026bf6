/**
 * functions.json is generated from the JSDoc of src/functions/functions.ts by the webpack build;
 * this checks what Excel will read from it. A dist/functions.json newer than the functions file
 * is reused; otherwise the add-in is built into a temporary folder.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const FUNCTIONS_SOURCE = path.join(ROOT, "src/functions/functions.ts");
const DIST_METADATA = path.join(ROOT, "dist/functions.json");

interface ParameterMetadata {
  readonly name: string;
  readonly description?: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
}

interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly ParameterMetadata[];
  readonly result: { readonly dimensionality?: string };
}

function newerThanSource(file: string): boolean {
  const sources = [FUNCTIONS_SOURCE, path.join(ROOT, "webpack.config.js")];
  return (
    fs.existsSync(file) &&
    sources.every((source) => fs.statSync(file).mtimeMs >= fs.statSync(source).mtimeMs)
  );
}

let outDir: string | null = null;

function buildMetadata(): string {
  if (newerThanSource(DIST_METADATA)) return DIST_METADATA;
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "dti-awards-functions-"));
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/webpack/bin/webpack.js"),
      "--mode",
      "production",
      "--env",
      `outDir=${outDir}`,
    ],
    { cwd: ROOT, stdio: "pipe" },
  );
  return path.join(outDir, "functions.json");
}

let functions: readonly FunctionMetadata[];

beforeAll(() => {
  const file = buildMetadata();
  functions = (JSON.parse(fs.readFileSync(file, "utf8")) as { functions: FunctionMetadata[] })
    .functions;
}, 180_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

const byId = (id: string): FunctionMetadata => {
  const found = functions.find((f) => f.id === id);
  if (!found) throw new Error(`No function ${id} in functions.json`);
  return found;
};

/** Parameter names, optional ones in brackets, matrices with "[][]". */
const signature = (id: string): string[] =>
  byId(id).parameters.map((p) => {
    const name = p.dimensionality === "matrix" ? `${p.name}[][]` : p.name;
    return p.optional ? `[${name}]` : name;
  });

describe("functions.json built from the JSDoc", () => {
  it("declares the eight functions by their ids, names equal to ids", () => {
    expect(functions.map((f) => f.id)).toEqual([
      "SLOTS",
      "RATIO",
      "RANK",
      "STATUS",
      "CHECK",
      "PRIZE",
      "BASESALARY",
      "CANDIDATES",
    ]);
    expect(functions.every((f) => f.name === f.id)).toBe(true);
  });

  it("gives every function its parameters, optional ones marked", () => {
    expect(signature("SLOTS")).toEqual(["bloc", "year", "[recipient]"]);
    expect(signature("RATIO")).toEqual(["score", "maxScore"]);
    expect(signature("RANK")).toEqual(["ratio", "bloc", "ratios[][]", "blocs[][]"]);
    expect(signature("STATUS")).toEqual([
      "ratio",
      "bloc",
      "year",
      "ratios[][]",
      "blocs[][]",
      "[excluded[][]]",
    ]);
    expect(signature("CHECK")).toEqual(["bloc", "year", "proposed", "[recipient]"]);
    expect(signature("PRIZE")).toEqual(["form", "recipient", "decisionDate", "[issuer]"]);
    expect(signature("BASESALARY")).toEqual(["date"]);
    expect(signature("CANDIDATES")).toEqual([
      "table[][]",
      "[year]",
      "[nominees[][]]",
      "[decisionDate]",
      "[decisions[][]]",
    ]);
  });

  it("lets Excel pass text for every parameter (blocs like “Khối 3”, dates as text)", () => {
    const types = functions.flatMap((f) => f.parameters.map((p) => p.type));
    expect(new Set(types)).toEqual(new Set(["any"]));
  });

  it("returns a matrix from CANDIDATES and a single value from the others", () => {
    expect(byId("CANDIDATES").result.dimensionality).toBe("matrix");
    const others = functions.filter((f) => f.id !== "CANDIDATES");
    expect(others.every((f) => f.result.dimensionality === undefined)).toBe(true);
  });

  it("describes every function and every parameter", () => {
    for (const f of functions) {
      expect(f.description?.trim()).toBeTruthy();
      for (const p of f.parameters) expect(p.description?.trim()).toBeTruthy();
    }
  });
});
