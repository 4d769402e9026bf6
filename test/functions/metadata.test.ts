/**
 * functions.json is generated from the JSDoc of src/functions/functions.ts by the webpack build,
 * and functions-vi.json from it with the Vietnamese names and help of functions.vi.json
 * (Microsoft's scheme for localised custom functions); this checks what Excel will read.
 */
import fs from "fs";
import path from "path";
import { builtAddin, removeBuiltAddin } from "./builtAddin";

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

interface Metadata {
  readonly functions: FunctionMetadata[];
  readonly allowCustomDataForDataTypeAny?: boolean;
}

// The helpers webpack uses when it builds the metadata.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localisedMetadata, servedMetadata } = require("../../webpack.config.js") as {
  localisedMetadata: (english: Metadata, translation: unknown) => Metadata;
  servedMetadata: (generated: Metadata) => Metadata;
};

let english: Metadata;
let vietnamese: Metadata;
let functions: readonly FunctionMetadata[];

beforeAll(() => {
  const dir = builtAddin();
  const read = (file: string): Metadata =>
    JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Metadata;
  english = read("functions.json");
  vietnamese = read("functions-vi.json");
  functions = english.functions;
}, 180_000);

afterAll(() => removeBuiltAddin());

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
  it("declares the ten functions by their ids, names equal to ids", () => {
    expect(functions.map((f) => f.id)).toEqual([
      "SLOTS",
      "RATIO",
      "RANK",
      "STATUS",
      "RANKS",
      "STATUSES",
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
    expect(signature("RANKS")).toEqual(["blocs[][]", "ratios[][]"]);
    expect(signature("STATUSES")).toEqual(["blocs[][]", "ratios[][]", "year", "[excluded[][]]"]);
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

  it("returns a matrix from RANKS, STATUSES and CANDIDATES and a single value from the others", () => {
    const spilled = ["RANKS", "STATUSES", "CANDIDATES"];
    for (const id of spilled) expect(byId(id).result.dimensionality).toBe("matrix");
    const others = functions.filter((f) => !spilled.includes(f.id));
    expect(others.every((f) => f.result.dimensionality === undefined)).toBe(true);
  });

  it("describes every function and every parameter", () => {
    for (const f of functions) {
      expect(f.description?.trim()).toBeTruthy();
      for (const p of f.parameters) expect(p.description?.trim()).toBeTruthy();
    }
  });
});

describe("functions.json as served", () => {
  it("keeps every description on one line and claims no data-type support (a 1.4 feature)", () => {
    expect(english.allowCustomDataForDataTypeAny).toBeUndefined();
    for (const f of functions) {
      expect(f.description).not.toMatch(/\n/);
      for (const p of f.parameters) expect(p.description).not.toMatch(/\n/);
    }
  });
});

describe("functions-vi.json, for Excel in Vietnamese", () => {
  const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

  it("declares the same functions, parameters, types and shapes as functions.json", () => {
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({
        id: f.id,
        result: f.result,
        parameters: f.parameters.map((p) => [p.type, p.dimensionality, p.optional]),
      }));
    expect(shape(vietnamese)).toEqual(shape(english));
  });

  it("names the functions in Vietnamese without diacritics, as Excel accepts and officers type them", () => {
    expect(vietnamese.functions.map((f) => [f.id, f.name])).toEqual([
      ["SLOTS", "SO_SUAT"],
      ["RATIO", "TY_LE"],
      ["RANK", "HANG"],
      ["STATUS", "KET_QUA"],
      ["RANKS", "CAC_HANG"],
      ["STATUSES", "CAC_KET_QUA"],
      ["CHECK", "KIEM_TRA"],
      ["PRIZE", "TIEN_THUONG"],
      ["BASESALARY", "LUONG_CO_SO"],
      ["CANDIDATES", "DE_XUAT"],
    ]);
    for (const f of vietnamese.functions) {
      // A letter first, then letters, digits, "." or "_"; never a cell address such as "TY1".
      expect(f.name).toMatch(/^[A-Z][A-Z0-9._]*$/);
      expect(f.name).not.toMatch(/^[A-Z]{1,3}[0-9]+$/);
    }
  });

  it("describes every function and parameter in Vietnamese", () => {
    for (const f of vietnamese.functions) {
      expect({ id: f.id, vietnamese: VIETNAMESE.test(f.description ?? "") }).toEqual({
        id: f.id,
        vietnamese: true,
      });
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^\p{L}[\p{L}0-9_]*$/u);
        expect({ id: f.id, p: p.name, vietnamese: VIETNAMESE.test(p.description ?? "") }).toEqual({
          id: f.id,
          p: p.name,
          vietnamese: true,
        });
      }
    }
  });
});

describe("the build's localisation of the metadata", () => {
  const base: Metadata = {
    functions: [
      {
        id: "SLOTS",
        name: "SLOTS",
        description: "Number of slots.",
        parameters: [{ name: "bloc", description: "Bloc.", type: "any" }],
        result: {},
      },
    ],
  };
  const translation = {
    SLOTS: {
      name: "SO_SUAT",
      description: "Số suất.",
      parameters: { bloc: { name: "khối", description: "Khối." } },
    },
  };

  it("puts the translated names and descriptions on the same ids", () => {
    expect(localisedMetadata(base, translation).functions[0]).toEqual({
      id: "SLOTS",
      name: "SO_SUAT",
      description: "Số suất.",
      parameters: [{ name: "khối", description: "Khối.", type: "any" }],
      result: {},
    });
  });

  it("refuses a missing translation, an unknown function or parameter, and a name Excel refuses", () => {
    expect(() => localisedMetadata(base, {})).toThrow("SLOTS: no translation");
    expect(() => localisedMetadata(base, { ...translation, RANKS: translation.SLOTS })).toThrow(
      "RANKS: not a function",
    );
    const extra = {
      SLOTS: {
        ...translation.SLOTS,
        parameters: { ...translation.SLOTS.parameters, year: { name: "năm", description: "Năm." } },
      },
    };
    expect(() => localisedMetadata(base, extra)).toThrow("SLOTS.year: not a parameter");
    const missing = { SLOTS: { ...translation.SLOTS, parameters: {} } };
    expect(() => localisedMetadata(base, missing)).toThrow("SLOTS.bloc: no translated name");
    const spaced = { SLOTS: { ...translation.SLOTS, name: "SỐ SUẤT" } };
    expect(() => localisedMetadata(base, spaced)).toThrow("not a valid custom-function name");
    const decomposed = { SLOTS: { ...translation.SLOTS, name: "SỐ_SUẤT".normalize("NFD") } };
    expect(() => localisedMetadata(base, decomposed)).toThrow("not a valid custom-function name");
  });

  it("drops the data-type switch and joins wrapped descriptions", () => {
    const generated = {
      allowCustomDataForDataTypeAny: true,
      functions: [{ ...base.functions[0], description: "Two\n lines." }],
    };
    expect(servedMetadata(generated)).toEqual({
      functions: [{ ...base.functions[0], description: "Two lines." }],
    });
  });
});
