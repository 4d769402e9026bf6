import fc from "fast-check";
import { cachedUnitKey, newRowCache, withoutListMarks } from "../../../src/domain/read/rows";
import { cleanText, unitKey } from "../../../src/domain/text";

/** Words as officers write them: cases, tone placements, "y"/"i", numbers and abbreviations. */
const WORDS = [
  "UBND",
  "ubnd",
  "Phường",
  "PHƯỜNG",
  "phường",
  "Thạnh",
  "Hoà",
  "Hòa",
  "HOÀ",
  "Thủy",
  "Thuỷ",
  "Mỹ",
  "Mĩ",
  "Ý",
  "Yên",
  "yên",
  "Q.Bình",
  "TT&TT",
  "số",
  "12",
  "A",
  "Ninh",
  "Kiều",
  "Đơn",
  "vị",
];

describe("cachedUnitKey", () => {
  it("gives the key unitKey gives, for any name and any order of names in one read", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 8,
        }),
        (names) => {
          const cache = newRowCache();
          for (const words of names) {
            const name = cleanText(words.join(" "));
            expect(cachedUnitKey(name, cache)).toBe(unitKey(name));
          }
        },
      ),
    );
  });

  it("keys a name of one word, and the same name twice alike", () => {
    const cache = newRowCache();
    expect(cachedUnitKey("Mỹ", cache)).toBe(unitKey("Mĩ"));
    expect(cachedUnitKey("UBND Phường Thạnh Hoà", cache)).toBe(unitKey("ubnd phường thạnh hòa"));
    expect(cachedUnitKey("UBND Phường Thạnh Hoà", cache)).toBe(unitKey("ubnd phường thạnh hòa"));
  });
});

describe("withoutListMarks", () => {
  it.each([
    [
      "3. Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ",
      "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ",
    ],
    ["2.3 UBND xã Tân Thạnh", "UBND xã Tân Thạnh"],
    ["12) Sở Y tế", "Sở Y tế"],
    ["Ban Dân tộc (*)", "Ban Dân tộc"],
    ["Sở Nội vụ **", "Sở Nội vụ"],
  ])("takes the list number or footnote mark off “%s”", (written, name) => {
    expect(withoutListMarks(written)).toBe(name);
  });

  it.each(["Phường 1", "UBND phường 30/4", "30 Tháng 4", "2024", "Xã Tân Thạnh (A)"])(
    "keeps “%s” as it is",
    (name) => {
      expect(withoutListMarks(name)).toBe(name);
    },
  );
});
