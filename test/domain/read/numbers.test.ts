import { parseCellNumber } from "../../../src/domain/cells";
import {
  columnRatioScale,
  decimalConvention,
  settleNumber,
} from "../../../src/domain/read/numbers";

describe("decimalConvention", () => {
  it("reads the convention the text numbers show, and none when they show both or neither", () => {
    expect(decimalConvention(["914,31", "1.000"])).toBe("comma");
    expect(decimalConvention(["1.000,5"])).toBe("comma");
    expect(decimalConvention(["0,6420"])).toBe("comma");
    expect(decimalConvention(["914.31", "1,000"])).toBe("dot");
    expect(decimalConvention(["0.8002", "0,6383"])).toBeNull();
    expect(decimalConvention([914.31, "1.000"])).toBeNull();
  });
});

describe("settleNumber", () => {
  it("settles “1.000” by the table's convention", () => {
    expect(settleNumber(parseCellNumber("1.000"), "comma")).toMatchObject({ value: 1000 });
    expect(settleNumber(parseCellNumber("1.000"), "dot")).toMatchObject({ value: 1 });
    // The separator the convention does not use for decimals groups thousands.
    expect(settleNumber(parseCellNumber("1,050"), "dot")).toMatchObject({ value: 1050 });
    expect(settleNumber(parseCellNumber("1,050"), "comma")).toMatchObject({ value: 1.05 });
  });

  it("settles “1.000” by what the value must be, and leaves it open when both fit", () => {
    expect(settleNumber(parseCellNumber("1.000"), null, (v) => v >= 900)).toMatchObject({
      kind: "number",
      value: 1000,
    });
    expect(settleNumber(parseCellNumber("1.000"), null, () => true)).toMatchObject({
      kind: "ambiguous",
    });
  });
});

describe("columnRatioScale", () => {
  it("takes the scale most bare numbers are on, and says when there is none", () => {
    expect(columnRatioScale([91, 95, 0.99])).toBe("percent");
    expect(columnRatioScale([0.91, 0.95, 99])).toBe("fraction");
    expect(columnRatioScale([0.91, 95])).toBe("mixed");
    expect(columnRatioScale([])).toBeNull();
  });
});
