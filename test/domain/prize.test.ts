import {
  baseSalaryOn,
  localIsoDate,
  prizeAmount,
  prizeBasis,
  prizeRegimeOn,
} from "../../src/domain/prize";
import type { AwardForm, GiayKhenIssuer, Recipient } from "../../src/domain/types";

const vnd = (
  form: AwardForm,
  recipient: Recipient,
  decisionDate: string,
  issuer?: GiayKhenIssuer,
) => prizeAmount({ form, recipient, decisionDate, issuer })?.vnd ?? null;

describe("prizeAmount: the worked examples of rules §6", () => {
  it("Bằng khen decided 2023-03-15: 1.0 × 1,490,000; collective 2,980,000", () => {
    expect(vnd("bang-khen", "individual", "2023-03-15")).toBe(1_490_000);
    expect(vnd("bang-khen", "collective", "2023-03-15")).toBe(2_980_000);
  });

  it("Bằng khen decided 2024-10-01: 2,340,000; collective 4,680,000", () => {
    expect(vnd("bang-khen", "individual", "2024-10-01")).toBe(2_340_000);
    expect(vnd("bang-khen", "collective", "2024-10-01")).toBe(4_680_000);
  });

  it("Bằng khen decided 2025-12-20: 1.5 × 2,340,000 = 3,510,000; collective 7,020,000", () => {
    expect(vnd("bang-khen", "individual", "2025-12-20")).toBe(3_510_000);
    expect(vnd("bang-khen", "collective", "2025-12-20")).toBe(7_020_000);
  });

  it("Bằng khen decided 2026-08-01: 3,795,000 rounds up to 3,800,000; collective 7,590,000", () => {
    expect(vnd("bang-khen", "individual", "2026-08-01")).toBe(3_800_000);
    expect(vnd("bang-khen", "collective", "2026-08-01")).toBe(7_590_000);
  });

  it("Giấy khen decided 2024-10-01: 702,000 rounds up to 710,000; collective 1,410,000", () => {
    expect(vnd("giay-khen", "individual", "2024-10-01")).toBe(710_000);
    expect(vnd("giay-khen", "collective", "2024-10-01")).toBe(1_410_000);
  });
});

describe("prizeAmount: regimes and issuers", () => {
  it("gives a commune chairman's Giấy khen 0.15 × before 2025-07-01 and 0.3 × from then", () => {
    // 0.15 × 2,340,000 = 351,000 → 360,000
    expect(vnd("giay-khen", "individual", "2025-06-30", "commune")).toBe(360_000);
    expect(vnd("giay-khen", "individual", "2025-06-30", "district")).toBe(710_000);
    expect(vnd("giay-khen", "individual", "2025-07-01", "commune")).toBe(710_000);
  });

  it("switches to Decree 152/2025 (1.5 ×) on 2025-07-01", () => {
    expect(vnd("bang-khen", "individual", "2025-06-30")).toBe(2_340_000);
    expect(vnd("bang-khen", "individual", "2025-07-01")).toBe(3_510_000);
    expect(prizeRegimeOn("2025-06-30")?.id).toBe("98/2023/NĐ-CP");
    expect(prizeRegimeOn("2025-07-01")?.id).toBe("152/2025/NĐ-CP");
  });

  it("switches from Decree 91/2017 to Decree 98/2023 on 2024-01-01", () => {
    expect(prizeRegimeOn("2023-12-31")?.id).toBe("91/2017/NĐ-CP");
    expect(prizeRegimeOn("2024-01-01")?.id).toBe("98/2023/NĐ-CP");
  });

  it("reports the coefficient applied in hundredths, collective multiplier included", () => {
    const quote = prizeAmount({
      form: "bang-khen",
      recipient: "collective",
      decisionDate: "2026-08-01",
    });
    expect(quote?.hundredths).toBe(300);
    expect(quote?.baseSalary.reference).toBe("Nghị định 161/2026/NĐ-CP");
    expect(quote?.regime.reference).toBe("Nghị định 152/2025/NĐ-CP, Điều 54");
  });

  it("gives no amount for a date before the tables or a malformed date", () => {
    expect(
      prizeAmount({ form: "bang-khen", recipient: "individual", decisionDate: "2017-01-01" }),
    ).toBeNull();
    expect(
      prizeAmount({ form: "bang-khen", recipient: "individual", decisionDate: "31/03/2024" }),
    ).toBeNull();
    expect(
      prizeAmount({ form: "bang-khen", recipient: "individual", decisionDate: "2024-02-30" }),
    ).toBeNull();
  });
});

describe("baseSalaryOn", () => {
  it("uses 1,490,000 up to 2023-06-30 and 1,800,000 from 2023-07-01", () => {
    expect(baseSalaryOn("2023-06-30")?.vnd).toBe(1_490_000);
    expect(baseSalaryOn("2023-07-01")?.vnd).toBe(1_800_000);
  });

  it("uses 2,340,000 from 2024-07-01 until 2026-06-30 and 2,530,000 from 2026-07-01", () => {
    expect(baseSalaryOn("2024-06-30")?.vnd).toBe(1_800_000);
    expect(baseSalaryOn("2024-07-01")?.vnd).toBe(2_340_000);
    expect(baseSalaryOn("2025-06-30")?.vnd).toBe(2_340_000);
    expect(baseSalaryOn("2025-07-01")?.vnd).toBe(2_340_000);
    expect(baseSalaryOn("2026-06-30")?.vnd).toBe(2_340_000);
    expect(baseSalaryOn("2026-07-01")?.vnd).toBe(2_530_000);
  });

  it("has no base salary before 2019-07-01", () => {
    expect(baseSalaryOn("2019-06-30")).toBeNull();
  });
});

describe("prizeBasis", () => {
  it("states the regime, the base salary and both Bằng khen amounts", () => {
    expect(prizeBasis("2024-03-31")).toEqual({
      decisionDate: "2024-03-31",
      regimeId: "98/2023/NĐ-CP",
      regimeReference: "Nghị định 98/2023/NĐ-CP, Điều 58",
      baseSalaryVnd: 1_800_000,
      baseSalaryReference: "Nghị định 24/2023/NĐ-CP",
      bangKhenCollectiveVnd: 3_600_000,
      bangKhenIndividualVnd: 1_800_000,
    });
  });

  it("is null for a date before the tables", () => {
    expect(prizeBasis("2010-01-01")).toBeNull();
  });
});

describe("localIsoDate", () => {
  it("gives the calendar date where the user is, also late in the evening", () => {
    expect(localIsoDate(new Date(2024, 2, 5, 23, 30))).toBe("2024-03-05");
    expect(localIsoDate(new Date(2025, 11, 31, 0, 0))).toBe("2025-12-31");
  });
});
