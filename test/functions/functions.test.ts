import * as rankUnits from "../../src/domain/rankUnits";
import {
  baseSalary,
  check,
  prize,
  rank,
  ratio,
  resetFunctionCaches,
  slots,
  status,
} from "../../src/functions/functions";
import {
  column,
  useCustomFunctionsShim,
  isValueError,
  setDisplayLanguage,
} from "./customFunctionsShim";

useCustomFunctionsShim(resetFunctionCaches);

describe("AWARD.SLOTS", () => {
  it("gives the examples of the plan", () => {
    expect(slots(3, 2025)).toBe(6);
    expect(slots(3, 2025, "cá nhân")).toBe(9);
    expect(slots(4, 2023, "individual")).toBe(0);
    expect(slots(1, 2023)).toBe(1);
    expect(slots(2, 2025, "tập thể")).toBe(3);
  });

  it("reads blocs and recipients the way officers write them", () => {
    expect(slots("Khối 3", 2024)).toBe(3);
    expect(slots("K3", "2025", "ca nhan")).toBe(9);
    expect(slots("Khối III", 2025, "collective")).toBe(6);
    expect(slots("3", 2022, null)).toBe(3);
    expect(slots(3, 2022, "")).toBe(3);
  });

  it("refuses a year outside the movement", () => {
    const result = slots(1, 2026);
    expect(isValueError(result)).toBe(true);
    expect(isValueError(result) && result.message).toMatch(/2022–2025/);
  });

  it.each([
    [5, 2025, undefined],
    ["Khối 9", 2025, undefined],
    ["", 2025, undefined],
    [null, 2025, undefined],
    [3, "", undefined],
    [3, null, undefined],
    [3, 2021, undefined],
    [3, 2025, "everyone"],
    [true, 2025, undefined],
  ])("refuses bloc %p, year %p, recipient %p with #VALUE!", (bloc, year, recipient) => {
    expect(isValueError(slots(bloc, year, recipient))).toBe(true);
  });
});

describe("AWARD.RATIO", () => {
  it("divides the score by the max score", () => {
    expect(ratio(460, 500)).toBe(0.92);
    expect(ratio(942.5, 1000)).toBe(0.9425);
    expect(ratio(0, 500)).toBe(0);
    expect(ratio(500, 500)).toBe(1);
    expect(ratio("912,5", "1.000,0")).toBe(0.9125);
  });

  it("leaves a row with neither score nor max score blank", () => {
    expect(ratio("", "")).toBe("");
    expect(ratio(null, null)).toBe("");
  });

  it.each([
    [510, 500, /above the max score/],
    [100, 0, /must be above 0/],
    [100, -5, /must be above 0/],
    [-1, 500, /negative/],
    ["abc", 500, /not a number/],
    [460, "n/a", /not a number/],
    [true, 500, /not a number/],
    ["", 500, /blank/],
    [460, null, /blank/],
  ])("refuses score %p over %p", (score, max, message) => {
    const result = ratio(score, max);
    expect(isValueError(result)).toBe(true);
    expect(isValueError(result) && result.message).toMatch(message);
  });
});

describe("AWARD.RANK", () => {
  const ratios = column([0.8, 0.9, 0.9, 0.95]);
  const blocs = column([3, 3, 3, 3]);

  it("gives equal ratios the same rank: 1, 2, 2, 4", () => {
    expect([0.95, 0.9, 0.9, 0.8].map((r) => rank(r, 3, ratios, blocs))).toEqual([1, 2, 2, 4]);
  });

  it("ranks within the row's bloc only", () => {
    const mixedRatios = column([0.99, 0.9, 0.8, 0.85]);
    const mixedBlocs = column([1, 3, 3, "Khối I"]);
    expect(rank(0.9, 3, mixedRatios, mixedBlocs)).toBe(1);
    expect(rank(0.8, "K3", mixedRatios, mixedBlocs)).toBe(2);
    expect(rank(0.85, 1, mixedRatios, mixedBlocs)).toBe(2);
  });

  it("ignores blank and non-numeric rows (headings, totals)", () => {
    const withHeadings = column(["", 0.9, "Quận Ninh Kiều", null, 0.95, "#DIV/0!", 0.9]);
    const headingBlocs = column([3, 3, "", 3, 3, 3, 3]);
    expect(rank(0.9, 3, withHeadings, headingBlocs)).toBe(2);
    expect(rank(0.95, 3, withHeadings, headingBlocs)).toBe(1);
  });

  it("accepts ranges laid out as a row", () => {
    expect(rank(0.9, 3, [[0.8, 0.9, 0.95]], [[3, 3, 3]])).toBe(2);
  });

  it("ranks a ratio typed as text the Vietnamese way", () => {
    expect(rank("0,9", 3, ratios, blocs)).toBe(2);
    expect(rank(0.9, 3, column(["0,8", "0,9", "0,95"]), column([3, 3, 3]))).toBe(2);
  });

  it("places a ratio that no row has where it would rank", () => {
    expect(rank(0.99, 3, ratios, blocs)).toBe(1);
    expect(rank(0.85, 3, ratios, blocs)).toBe(4);
    expect(rank(0.9, 2, ratios, blocs)).toBe(1);
  });

  it("leaves a row with a blank ratio blank", () => {
    expect(rank("", 3, ratios, blocs)).toBe("");
    expect(rank(null, 3, ratios, blocs)).toBe("");
  });

  it.each([
    ["a ratio that is not a number", "high", 3, ratios, blocs],
    ["a bad bloc", 0.9, 7, ratios, blocs],
    ["a blank bloc", 0.9, null, ratios, blocs],
    ["ranges of different lengths", 0.9, 3, ratios, column([3, 3, 3])],
    ["a column against a row", 0.9, 3, ratios, [[3, 3, 3, 3]]],
    [
      "a block instead of a column",
      0.9,
      3,
      [
        [0.9, 0.8],
        [0.7, 0.6],
      ],
      [
        [3, 3],
        [3, 3],
      ],
    ],
  ])("refuses %s with #VALUE!", (_what, r, bloc, rs, bs) => {
    expect(isValueError(rank(r, bloc, rs as unknown[][], bs as unknown[][]))).toBe(true);
  });
});

describe("AWARD.STATUS", () => {
  const ratios = column([0.95, 0.9, 0.9, 0.8]);
  const bloc1 = column([1, 1, 1, 1]);

  it("marks the top unit of bloc 1 as the candidate of its one slot", () => {
    expect(status(0.95, 1, 2023, ratios, column([1, 2, 2, 2]))).toBe("Đề xuất");
  });

  it("shows a tie at the cut-off for the council to decide", () => {
    // Bloc 1 has 1 collective slot in 2023: 0.95 takes it, the rest are below the cut-off.
    expect(status(0.95, 1, 2023, ratios, bloc1)).toBe("Đề xuất");
    expect(status(0.9, 1, 2023, ratios, bloc1)).toBe("Không đề xuất");
    // Bloc 3 has 3 slots in 2022–2024: with 0.9 four times, 0.95 takes one and four tie for two.
    const tied = column([0.95, 0.9, 0.9, 0.9, 0.8]);
    const bloc3 = column([3, 3, 3, 3, 3]);
    expect(status(0.95, 3, 2023, tied, bloc3)).toBe("Đề xuất");
    expect(status(0.9, 3, 2023, tied, bloc3)).toBe("Bằng điểm – Hội đồng xét");
    expect(status(0.8, 3, 2023, tied, bloc3)).toBe("Không đề xuất");
  });

  it("uses the larger quotas of the summary year", () => {
    const tied = column([0.95, 0.9, 0.9, 0.9, 0.8]);
    const bloc3 = column([3, 3, 3, 3, 3]);
    expect(status(0.9, 3, 2025, tied, bloc3)).toBe("Đề xuất");
    expect(status(0.8, 3, 2025, tied, bloc3)).toBe("Đề xuất");
  });

  it("skips excluded units and gives their slot to the next one", () => {
    const excluded = column(["x", "", "", ""]);
    expect(status(0.95, 1, 2023, ratios, bloc1, excluded)).toBe("Không xét");
    expect(status(0.9, 1, 2023, ratios, bloc1, excluded)).toBe("Bằng điểm – Hội đồng xét");
    expect(status(0.8, 1, 2023, ratios, bloc1, excluded)).toBe("Không đề xuất");
    expect(status(0.9, 1, 2023, ratios, bloc1, column([true, false, true, 0]))).toBe("Đề xuất");
  });

  it("speaks English when Office's display language is not Vietnamese", () => {
    setDisplayLanguage("en-US");
    const tied = column([0.95, 0.9, 0.9, 0.9, 0.8]);
    const bloc3 = column([3, 3, 3, 3, 3]);
    expect(status(0.95, 3, 2023, tied, bloc3)).toBe("Candidate");
    expect(status(0.9, 3, 2023, tied, bloc3)).toBe("Tie – council decides");
    expect(status(0.8, 3, 2023, tied, bloc3)).toBe("Not selected");
    expect(status(0.95, 1, 2023, ratios, bloc1, column(["x", "", "", ""]))).toBe("Excluded");
    setDisplayLanguage("vi-VN");
    expect(status(0.95, 3, 2023, tied, bloc3)).toBe("Đề xuất");
  });

  it("answers a what-if ratio that no row has as one more unit of the bloc", () => {
    expect(status(0.99, 1, 2023, ratios, bloc1)).toBe("Đề xuất");
    expect(status(0.92, 1, 2023, ratios, bloc1)).toBe("Không đề xuất");
    expect(status(0.95, 1, 2023, ratios, bloc1)).toBe("Đề xuất");
  });

  it("leaves a row with a blank ratio blank", () => {
    expect(status("", 1, 2023, ratios, bloc1)).toBe("");
    expect(status(null, 1, 2023, ratios, bloc1)).toBe("");
  });

  it.each([
    ["a year outside the movement", 0.9, 1, 2026, ratios, bloc1, undefined],
    ["a blank year", 0.9, 1, null, ratios, bloc1, undefined],
    ["a bad bloc", 0.9, "Khối 8", 2023, ratios, bloc1, undefined],
    ["a non-numeric ratio", "n/a", 1, 2023, ratios, bloc1, undefined],
    ["mismatched ranges", 0.9, 1, 2023, ratios, column([1, 1]), undefined],
    ["an excluded range of another shape", 0.9, 1, 2023, ratios, bloc1, column(["x"])],
    ["an excluded mark it cannot read", 0.9, 1, 2023, ratios, bloc1, column(["?", "", "", ""])],
  ])("refuses %s with #VALUE!", (_what, r, bloc, year, rs, bs, ex) => {
    expect(isValueError(status(r, bloc, year, rs, bs, ex as unknown[][] | undefined))).toBe(true);
  });
});

describe("reuse of rankings between calls", () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it("ranks a range once for many calls over it, even in new arrays", () => {
    const spy = jest.spyOn(rankUnits, "rankUnitsWithinBloc");
    const values = Array.from({ length: 200 }, (_v, i) => (i % 50) / 100);
    for (const value of values) {
      rank(value, 3, column(values), column(values.map(() => 3)));
    }
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("ranks again when a value of the range changes", () => {
    const spy = jest.spyOn(rankUnits, "rankUnitsWithinBloc");
    const values = [0.8, 0.9, 0.95];
    expect(rank(0.9, 3, column(values), column([3, 3, 3]))).toBe(2);
    expect(rank(0.9, 3, column([0.8, 0.9, 0.85]), column([3, 3, 3]))).toBe(1);
    expect(rank(0.9, 3, column(values), column([3, 3, 3]))).toBe(2);
    expect(rank(0.9, 3, column(values), column([3, 3, 2]))).toBe(1);
    // One ranking per bloc: 1 + 1 + 0 (reused) + 2 (blocs 3 and 2).
    expect(spy).toHaveBeenCalledTimes(4);
  });

  it("keeps STATUS rankings per year and excluded marks", () => {
    const spy = jest.spyOn(rankUnits, "rankUnitsWithinBloc");
    const ratios = column([0.95, 0.9, 0.9, 0.9, 0.8]);
    const blocs = column([3, 3, 3, 3, 3]);
    for (let i = 0; i < 20; i += 1) status(0.9, 3, 2023, ratios, blocs);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(status(0.9, 3, 2025, ratios, blocs)).toBe("Đề xuất");
    expect(status(0.9, 3, 2023, ratios, blocs, column(["", "x", "", "", ""]))).toBe("Đề xuất");
    expect(spy).toHaveBeenCalledTimes(3);
  });
});

describe("AWARD.CHECK", () => {
  it("says OK when the proposal fits the slots", () => {
    expect(check(1, 2023, 1)).toBe("OK (1/1)");
    expect(check(3, 2025, 6)).toBe("OK (6/6)");
    expect(check(3, 2025, 9, "cá nhân")).toBe("OK (9/9)");
    expect(check(1, 2023, 0)).toBe("OK (0/1)");
    expect(check(1, 2023, "")).toBe("OK (0/1)");
    expect(check(1, 2023, null)).toBe("OK (0/1)");
  });

  it("names the excess over the quota", () => {
    expect(check(1, 2023, 3)).toBe("Vượt 2 suất (tối đa 1)");
    expect(check(4, 2023, 1, "individual")).toBe("Vượt 1 suất (tối đa 0)");
    setDisplayLanguage("en-GB");
    expect(check(1, 2023, 3)).toBe("2 over the quota (max 1)");
    expect(check(1, 2023, 1)).toBe("OK (1/1)");
  });

  it.each([
    [1, 2023, -1, undefined],
    [1, 2023, 1.5, undefined],
    [1, 2023, "a few", undefined],
    [0, 2023, 1, undefined],
    [1, 2030, 1, undefined],
    [1, 2023, 1, "someone"],
  ])("refuses bloc %p, year %p, proposed %p, recipient %p", (bloc, year, proposed, recipient) => {
    expect(isValueError(check(bloc, year, proposed, recipient))).toBe(true);
  });
});

describe("AWARD.PRIZE", () => {
  const DATE_2025_12_20 = 46011;
  const DATE_2024_10_01 = 45566;

  it("gives the worked examples of the rules", () => {
    expect(prize("bằng khen", "cá nhân", DATE_2025_12_20)).toBe(3_510_000);
    expect(prize("bằng khen", "tập thể", DATE_2025_12_20)).toBe(7_020_000);
    expect(prize("giấy khen", "tập thể", DATE_2024_10_01)).toBe(1_410_000);
    expect(prize("GK", "individual", DATE_2024_10_01)).toBe(710_000);
    expect(prize("BK", "cá nhân", "2023-03-15")).toBe(1_490_000);
    expect(prize("BK", "tập thể", "15/03/2023")).toBe(2_980_000);
    expect(prize("Bằng khen", "cá nhân", "2026-08-01")).toBe(3_800_000);
  });

  it("pays a commune chairman's Giấy khen at its own coefficient", () => {
    // 0.15 × 2,340,000 = 351,000 → 360,000 under Decree 98/2023 (before 1 July 2025).
    expect(prize("giấy khen", "cá nhân", DATE_2024_10_01, "xã")).toBe(360_000);
    expect(prize("giấy khen", "cá nhân", DATE_2024_10_01, "sở")).toBe(710_000);
    expect(prize("giấy khen", "cá nhân", DATE_2024_10_01, null)).toBe(710_000);
  });

  it.each([
    ["huân chương", "cá nhân", DATE_2024_10_01, undefined, /form/],
    ["", "cá nhân", DATE_2024_10_01, undefined, /form/],
    ["BK", "ai đó", DATE_2024_10_01, undefined, /Recipient/],
    ["BK", null, DATE_2024_10_01, undefined, /Recipient/],
    ["BK", "cá nhân", "next week", undefined, /Date/],
    ["BK", "cá nhân", "", undefined, /Date/],
    ["BK", "cá nhân", 60, undefined, /Date/],
    ["GK", "cá nhân", DATE_2024_10_01, "thủ tướng", /Issuer/],
    ["BK", "cá nhân", "2010-01-01", undefined, /outside the prize/],
  ])("refuses %p, %p, %p, issuer %p", (form, recipient, date, issuer, message) => {
    const result = prize(form, recipient, date, issuer);
    expect(isValueError(result)).toBe(true);
    expect(isValueError(result) && result.message).toMatch(message);
  });
});

describe("AWARD.BASESALARY", () => {
  it("gives the base salary in force on a date", () => {
    expect(baseSalary(45474)).toBe(2_340_000);
    expect(baseSalary(45473)).toBe(1_800_000);
    expect(baseSalary("2024-07-01")).toBe(2_340_000);
    expect(baseSalary("01/07/2023")).toBe(1_800_000);
    expect(baseSalary("2026-07-01")).toBe(2_530_000);
  });

  it.each([["2019-06-30"], ["not a date"], [""], [null], [true]])("refuses %p", (date) => {
    expect(isValueError(baseSalary(date))).toBe(true);
  });
});
