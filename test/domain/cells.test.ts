import { cellText, parseCellNumber } from "../../src/domain/cells";

describe("parseCellNumber", () => {
  it("reads numbers as they are, counting their written decimals", () => {
    expect(parseCellNumber(912.5)).toEqual({
      kind: "number",
      value: 912.5,
      percent: false,
      decimals: 1,
    });
    expect(parseCellNumber(62.4)).toMatchObject({ value: 62.4, decimals: 1 });
    expect(parseCellNumber(1000)).toMatchObject({ value: 1000, decimals: 0 });
    expect(parseCellNumber(1e-7)).toMatchObject({ decimals: 7 });
  });

  it("reads text in the Vietnamese convention: comma for decimals, dot for thousands", () => {
    expect(parseCellNumber("912,5")).toEqual({
      kind: "number",
      value: 912.5,
      percent: false,
      decimals: 1,
    });
    expect(parseCellNumber("1.000,5")).toMatchObject({ kind: "number", value: 1000.5 });
    expect(parseCellNumber("1.000.000")).toMatchObject({ kind: "number", value: 1000000 });
    expect(parseCellNumber("1.000,0")).toMatchObject({ kind: "number", value: 1000, decimals: 1 });
  });

  it("reads text in the English convention", () => {
    expect(parseCellNumber("1,000.5")).toMatchObject({ kind: "number", value: 1000.5 });
    expect(parseCellNumber("912.5")).toMatchObject({ kind: "number", value: 912.5 });
    expect(parseCellNumber("1,000,000")).toMatchObject({ kind: "number", value: 1000000 });
  });

  it("reads a percent sign and keeps the number on its written scale", () => {
    expect(parseCellNumber("91,25%")).toEqual({
      kind: "number",
      value: 91.25,
      percent: true,
      decimals: 2,
    });
    expect(parseCellNumber("95 %")).toMatchObject({ value: 95, percent: true });
  });

  it("trims spaces and reads signs", () => {
    expect(parseCellNumber(" 95 ")).toMatchObject({ kind: "number", value: 95 });
    expect(parseCellNumber("-5")).toMatchObject({ kind: "number", value: -5 });
    expect(parseCellNumber("\u2212 2,5")).toMatchObject({ kind: "number", value: -2.5 });
    expect(parseCellNumber("1 000,5")).toMatchObject({ kind: "number", value: 1000.5 });
  });

  it("reports a single separator before exactly three digits as ambiguous, never a guess", () => {
    expect(parseCellNumber("1.000")).toEqual({
      kind: "ambiguous",
      text: "1.000",
      thousand: 1000,
      decimal: 1,
    });
    expect(parseCellNumber("1,000")).toMatchObject({ kind: "ambiguous", thousand: 1000 });
    expect(parseCellNumber("0,125")).toMatchObject({ kind: "number", value: 0.125 });
    expect(parseCellNumber("1234,567")).toMatchObject({ kind: "number", value: 1234.567 });
  });

  it("tells blanks, errors, dates and text apart", () => {
    expect(parseCellNumber("")).toEqual({ kind: "blank" });
    expect(parseCellNumber("   ")).toEqual({ kind: "blank" });
    expect(parseCellNumber(null)).toEqual({ kind: "blank" });
    expect(parseCellNumber(undefined)).toEqual({ kind: "blank" });
    expect(parseCellNumber("#N/A")).toEqual({ kind: "error", value: "#N/A" });
    expect(parseCellNumber("#DIV/0!")).toEqual({ kind: "error", value: "#DIV/0!" });
    expect(parseCellNumber(new Date(Date.UTC(2023, 8, 12)))).toEqual({
      kind: "date",
      text: "2023-09-12",
    });
    expect(parseCellNumber("chưa chấm")).toEqual({ kind: "text", text: "chưa chấm" });
    expect(parseCellNumber(true)).toEqual({ kind: "text", text: "TRUE" });
    expect(parseCellNumber("1.2.3")).toMatchObject({ kind: "text" });
    expect(parseCellNumber(Number.NaN)).toMatchObject({ kind: "text" });
  });
});

describe("cellText", () => {
  it("shows a cell as clean NFC text and blanks as empty", () => {
    expect(cellText("  Sở   Tư\u00a0pháp ")).toBe("Sở Tư pháp");
    expect(cellText("Sở Tư pháp".normalize("NFD"))).toBe("Sở Tư pháp".normalize("NFC"));
    expect(cellText(912.5)).toBe("912.5");
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText(new Date(Date.UTC(2024, 0, 2)))).toBe("2024-01-02");
  });
});

describe("parseCellNumber on what officers type around a number", () => {
  it("reads a number followed by its unit of points", () => {
    expect(parseCellNumber("942,5 điểm")).toMatchObject({ kind: "number", value: 942.5 });
    expect(parseCellNumber("85 points")).toMatchObject({ kind: "number", value: 85 });
    expect(parseCellNumber("1.000 điểm")).toMatchObject({ kind: "ambiguous", thousand: 1000 });
  });

  it("reads a lone dash as blank and the word alone as text", () => {
    expect(parseCellNumber("-")).toEqual({ kind: "blank" });
    expect(parseCellNumber("—")).toEqual({ kind: "blank" });
    expect(parseCellNumber("điểm")).toEqual({ kind: "text", text: "điểm" });
  });
});
