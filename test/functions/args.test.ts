import {
  FunctionError,
  displayLang,
  excelSerialToIso,
  isBlank,
  localToday,
  parseBloc,
  parseCount,
  parseDate,
  parseExcludedMark,
  parseForm,
  parseIssuer,
  parseMatrix,
  parseNumber,
  parseRecipient,
  parseVector,
  parseYear,
  readRankRows,
  sameShape,
  valueError,
} from "../../src/functions/args";
import {
  ShimError,
  installCustomFunctions,
  setDisplayLanguage,
  uninstallCustomFunctions,
} from "./customFunctionsShim";

const what = { vi: "Điểm", en: "Score" };

const valueOf = <T>(parsed: { ok: true; value: T } | { ok: false }): T | "error" =>
  parsed.ok ? parsed.value : "error";

describe("bloc arguments", () => {
  it.each([
    [1, 1],
    [4, 4],
    ["3", 3],
    ["Khối 3", 3],
    ["khoi 3", 3],
    ["K3", 3],
    ["k 2", 2],
    ["Khối III", 3],
    ["KHỐI IV", 4],
    ["Khối I", 1],
    ["Bloc 2", 2],
    ["Kho\u0302\u0301i 3", 3],
    ["Khối UBND xã, phường, thị trấn", 3],
    ["Khối sở, ban, ngành", 1],
  ])("reads %p as bloc %p", (input, bloc) => {
    expect(valueOf(parseBloc(input))).toBe(bloc);
  });

  it.each([[0], [5], [2.5], ["Khối 5"], ["K"], ["abc"], [true], [""], [null], [undefined]])(
    "refuses %p",
    (input) => {
      const parsed = parseBloc(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message.vi).toMatch(/Khối/);
    },
  );
});

describe("year arguments", () => {
  it.each([
    [2022, 2022],
    [2025, 2025],
    ["2024", 2024],
    ["Năm 2023", 2023],
  ])("reads %p as %p", (input, year) => {
    expect(valueOf(parseYear(input))).toBe(year);
  });

  it("refuses years outside 2022–2025 naming the movement", () => {
    const parsed = parseYear(2026);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message.vi).toContain("2022–2025");
      expect(parsed.message.en).toContain("not part of the movement");
    }
  });

  it.each([[2021], [2023.5], ["next year"], [""], [null], [true]])("refuses %p", (input) => {
    expect(parseYear(input).ok).toBe(false);
  });
});

describe("recipient arguments", () => {
  it.each([
    ["collective", "collective"],
    ["tập thể", "collective"],
    ["Tap the", "collective"],
    ["TẬP THỂ", "collective"],
    ["individual", "individual"],
    ["cá nhân", "individual"],
    ["ca nhan", "individual"],
    ["ca\u0301 nha\u0302n", "individual"],
  ])("reads %p as %p", (input, recipient) => {
    expect(valueOf(parseRecipient(input))).toBe(recipient);
  });

  it("uses the fallback for a blank and refuses a blank without one", () => {
    expect(valueOf(parseRecipient(null, "collective"))).toBe("collective");
    expect(valueOf(parseRecipient("", "collective"))).toBe("collective");
    expect(parseRecipient(undefined).ok).toBe(false);
  });

  it("refuses an unknown recipient", () => {
    expect(parseRecipient("group", "collective").ok).toBe(false);
    expect(parseRecipient(1, "collective").ok).toBe(false);
  });
});

describe("award form and issuer arguments", () => {
  it.each([
    ["bằng khen", "bang-khen"],
    ["Bằng khen", "bang-khen"],
    ["BK", "bang-khen"],
    ["bang khen", "bang-khen"],
    ["giấy khen", "giay-khen"],
    ["GK", "giay-khen"],
    ["Giay Khen", "giay-khen"],
  ])("reads form %p as %p", (input, form) => {
    expect(valueOf(parseForm(input))).toBe(form);
  });

  it.each([["huân chương"], [""], [null], [3]])("refuses form %p", (input) => {
    expect(parseForm(input).ok).toBe(false);
  });

  it.each([
    ["xã", "commune"],
    ["Chủ tịch UBND xã", "commune"],
    ["phường", "commune"],
    ["thị trấn", "commune"],
    ["commune", "commune"],
    ["huyện", "district"],
    ["quận", "district"],
    ["sở", "department"],
    ["Giám đốc Sở", "department"],
    ["department", "department"],
  ])("reads issuer %p as %p", (input, issuer) => {
    expect(valueOf(parseIssuer(input))).toBe(issuer);
  });

  it("reads a blank issuer as none and refuses an unknown one", () => {
    expect(parseIssuer(null)).toEqual({ ok: true, value: undefined });
    expect(parseIssuer("")).toEqual({ ok: true, value: undefined });
    expect(parseIssuer("thủ tướng").ok).toBe(false);
  });
});

describe("dates", () => {
  it.each([
    [45657, "2024-12-31"],
    [45474, "2024-07-01"],
    [45566, "2024-10-01"],
    [45566.75, "2024-10-01"],
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [2958465, "9999-12-31"],
  ])("reads Excel serial %p as %p (1900 date system)", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(valueOf(parseDate(serial))).toBe(iso);
  });

  it("refuses the 29 February 1900 that Excel invents, and serials out of range", () => {
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(-5)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
  });

  it.each([
    ["2024-10-01", "2024-10-01"],
    [" 2025-12-20 ", "2025-12-20"],
    ["01/10/2024", "2024-10-01"],
    ["1/7/2024", "2024-07-01"],
    ["20-12-2025", "2025-12-20"],
    ["29.02.2024", "2024-02-29"],
  ])("reads text %p as %p", (text, iso) => {
    expect(valueOf(parseDate(text))).toBe(iso);
  });

  it.each([
    ["2023-02-29"],
    ["31/04/2024"],
    ["2024/10/01"],
    ["10/01/24"],
    ["tomorrow"],
    [""],
    [null],
    [true],
  ])("refuses %p", (input) => {
    expect(parseDate(input).ok).toBe(false);
  });

  it("gives today's local date", () => {
    expect(localToday(new Date(2025, 11, 20, 23, 59))).toBe("2025-12-20");
    expect(localToday(new Date(2024, 0, 5, 0, 1))).toBe("2024-01-05");
  });
});

describe("numbers and counts", () => {
  it.each([
    [460, 460],
    ["912,5", 912.5],
    ["1.000,5", 1000.5],
    [" 95 ", 95],
    ["91,25%", 0.9125],
  ])("reads %p as %p", (input, value) => {
    expect(valueOf(parseNumber(input, what))).toBeCloseTo(value as number, 12);
  });

  it.each([["abc"], [""], [null], [true], ["#N/A"], [Number.NaN], ["1.000"]])(
    "refuses %p",
    (input) => {
      expect(parseNumber(input, what).ok).toBe(false);
    },
  );

  it("names the ambiguity of a text number", () => {
    const parsed = parseNumber("1.000", what);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.en).toMatch(/1000 or 1/);
  });

  it("counts proposals, blank as 0, refusing fractions and negatives", () => {
    expect(valueOf(parseCount(3, what))).toBe(3);
    expect(valueOf(parseCount("2", what))).toBe(2);
    expect(valueOf(parseCount(null, what))).toBe(0);
    expect(valueOf(parseCount("", what))).toBe(0);
    expect(parseCount(1.5, what).ok).toBe(false);
    expect(parseCount(-1, what).ok).toBe(false);
    expect(parseCount("many", what).ok).toBe(false);
  });

  it("treats null, undefined and blank text as blank, and 0 or FALSE as values", () => {
    expect([null, undefined, "", "   "].every(isBlank)).toBe(true);
    expect([0, false, "0"].some(isBlank)).toBe(false);
  });
});

describe("ranges", () => {
  it("reads a column, a row and a single value", () => {
    expect(valueOf(parseVector([[1], [2]], what))).toEqual({ rows: 2, columns: 1, cells: [1, 2] });
    expect(valueOf(parseVector([[1, 2, 3]], what))).toEqual({
      rows: 1,
      columns: 3,
      cells: [1, 2, 3],
    });
    expect(valueOf(parseVector(7, what))).toEqual({ rows: 1, columns: 1, cells: [7] });
  });

  it("refuses a block of several rows and columns, a ragged array and an empty one", () => {
    expect(
      parseVector(
        [
          [1, 2],
          [3, 4],
        ],
        what,
      ).ok,
    ).toBe(false);
    expect(parseMatrix([[1, 2], [3]], what).ok).toBe(false);
    expect(parseMatrix([], what).ok).toBe(false);
    expect(parseMatrix([[]], what).ok).toBe(false);
  });

  it("refuses ranges of different shapes", () => {
    const columnOf3 = { rows: 3, columns: 1, cells: [1, 2, 3] };
    const rowOf3 = { rows: 1, columns: 3, cells: [1, 2, 3] };
    expect(sameShape(columnOf3, columnOf3, ["ratios", "blocs"]).ok).toBe(true);
    const parsed = sameShape(columnOf3, rowOf3, ["ratios", "blocs"]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.en).toContain("3×1");
  });

  it("reads excluded marks", () => {
    expect([true, 1, "x", "X", "có", "yes", "không xét"].map(parseExcludedMark)).toEqual(
      Array(7).fill(true),
    );
    expect([false, 0, "", null, undefined, "không", "no"].map(parseExcludedMark)).toEqual(
      Array(7).fill(false),
    );
    expect(parseExcludedMark("maybe")).toBeNull();
  });

  it("leaves out rows whose ratio or bloc is not usable", () => {
    const ratios = { rows: 6, columns: 1, cells: [0.9, "", null, "Quận Ninh Kiều", "0,8", 0.7] };
    const blocs = { rows: 6, columns: 1, cells: [3, 3, 3, 3, "K3", "nowhere"] };
    expect(valueOf(readRankRows(ratios, blocs, null))).toEqual([
      { value: 0.9, bloc: 3, excluded: false, index: 0 },
      { value: 0.8, bloc: 3, excluded: false, index: 4 },
    ]);
  });

  it("refuses an excluded mark it does not understand, naming its position", () => {
    const ratios = { rows: 2, columns: 1, cells: [0.9, 0.8] };
    const blocs = { rows: 2, columns: 1, cells: [3, 3] };
    const excluded = { rows: 2, columns: 1, cells: ["x", "perhaps"] };
    const parsed = readRankRows(ratios, blocs, excluded);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.en).toMatch(/Cell 2 /);
  });
});

describe("the Office globals", () => {
  afterEach(() => {
    uninstallCustomFunctions();
    setDisplayLanguage(null);
  });

  it("makes a #VALUE! CustomFunctions.Error with both languages inside Excel", () => {
    installCustomFunctions();
    const error = valueError({ vi: "Khối không hợp lệ", en: "Unknown bloc" });
    expect(error).toBeInstanceOf(ShimError);
    expect(error).toEqual(new ShimError("#VALUE!", "Khối không hợp lệ / Unknown bloc"));
  });

  it("makes a plain error value outside Excel instead of crashing", () => {
    const error = valueError({ vi: "a", en: "b" });
    expect(error).toBeInstanceOf(FunctionError);
    expect(error).toMatchObject({ code: "#VALUE!", message: "a / b" });
  });

  it("speaks Vietnamese by default and English for another display language", () => {
    expect(displayLang()).toBe("vi");
    setDisplayLanguage("vi-VN");
    expect(displayLang()).toBe("vi");
    setDisplayLanguage("en-US");
    expect(displayLang()).toBe("en");
    setDisplayLanguage("fr-FR");
    expect(displayLang()).toBe("en");
    setDisplayLanguage("");
    expect(displayLang()).toBe("vi");
  });
});
