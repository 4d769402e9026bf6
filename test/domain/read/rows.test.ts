import fc from "fast-check";
import { cachedUnitKey, newRowCache } from "../../../src/domain/read/rows";
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
