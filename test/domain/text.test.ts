import {
  cellAddress,
  cleanText,
  columnLetter,
  editDistance,
  foldText,
  matchKey,
  plainWord,
  unitFormKey,
  unitKey,
  unitNameForm,
} from "../../src/domain/text";

describe("cleanText", () => {
  it("collapses spaces, non-breaking spaces and line breaks, and trims", () => {
    expect(cleanText("  Sở   Tư\u00a0pháp \n")).toBe("Sở Tư pháp");
  });

  it("composes decomposed text", () => {
    expect(cleanText("Sở Tư pháp".normalize("NFD"))).toBe("Sở Tư pháp".normalize("NFC"));
  });

  it("drops soft hyphens, zero-width spaces and joiners, word joiners, byte-order marks and direction marks", () => {
    expect(cleanText("\ufeffSở\u00a0Tư\u00ad pháp\u200b\u200c\u200d\u2060\u200e")).toBe(
      "Sở Tư pháp",
    );
  });

  it("composes a letter and its accent even with an invisible character between them", () => {
    expect(cleanText("Pha\u200b\u0301p")).toBe("Pháp");
  });
});

describe("foldText", () => {
  it("drops diacritics, case and punctuation for header matching", () => {
    expect(foldText("Tỷ lệ (%)")).toBe("ty le %");
    expect(foldText("ĐIỂM ĐẠT ĐƯỢC")).toBe("diem dat duoc");
    expect(foldText("Điểm đạt được".normalize("NFD"))).toBe("diem dat duoc");
  });
});

describe("unitKey", () => {
  it("unifies case, spaces, NFC/NFD and tone placement", () => {
    expect(unitKey("UBND phường Thạnh Hoà")).toBe(unitKey("ubnd  phường thạnh hòa"));
    expect(unitKey("Thạnh Hoà".normalize("NFD"))).toBe(unitKey("Thạnh Hòa"));
  });

  it("spells a final y after a consonant as i", () => {
    expect(unitKey("Tỷ lệ")).toBe(unitKey("Tỉ lệ"));
  });

  it("keeps other diacritics so that different names stay different", () => {
    expect(unitKey("Tân Thạnh")).not.toBe(unitKey("Tân Thành"));
    expect(unitKey("Phường An Bình")).not.toBe(unitKey("Phường Ân Bình"));
  });
});

describe("matchKey", () => {
  it("ignores a leading UBND or Ủy ban nhân dân", () => {
    expect(matchKey("Uỷ ban nhân dân xã Tân Thới")).toBe(matchKey("UBND xã Tân Thới"));
    expect(matchKey("UBND xã Tân Thới")).toBe(matchKey("xã Tân Thới"));
  });

  it("never strips xã, phường or thị trấn", () => {
    expect(matchKey("phường Thới An")).not.toBe(matchKey("xã Thới An"));
    expect(matchKey("thị trấn Cờ Đỏ")).not.toBe(matchKey("Cờ Đỏ"));
  });
});

describe("unitNameForm", () => {
  it("reads the administrative type in full or abbreviated, after an optional UBND", () => {
    const cases: [string, string | null, string[]][] = [
      ["UBND P. An Cư", "phường", ["an", "cư"]],
      ["Q. Ninh Kiều", "quận", ["ninh", "kiều"]],
      ["UBND Q.Bình Thủy", "quận", ["bình", "thủy"]],
      ["UBND TT. Cờ Đỏ", "thị trấn", ["cờ", "đỏ"]],
      ["Ủy ban nhân dân thị xã Bình Minh", "thị xã", ["bình", "minh"]],
      ["TP. Cần Thơ", "thành phố", ["cần", "thơ"]],
      ["H. Phong Điền", "huyện", ["phong", "điền"]],
      ["X. Tân Thới", "xã", ["tân", "thới"]],
      ["Sở TT&TT", null, ["sở", "tt", "và", "tt"]],
      ["Thành phố", null, ["thành", "phố"]],
    ];
    for (const [name, type, words] of cases) {
      const form = unitNameForm(name);
      expect([name, form.type, form.words]).toEqual([name, type, words.map((w) => unitKey(w))]);
    }
  });

  it("reads “Ủy ban nhân dân” as UBND anywhere in the name", () => {
    expect(unitNameForm("Văn phòng Ủy ban nhân dân thành phố").words).toEqual(
      unitNameForm("Văn phòng UBND thành phố").words,
    );
  });

  it("reads a ward number glued to its type letter or with leading zeros", () => {
    expect(unitNameForm("P1")).toEqual(unitNameForm("Phường 01"));
    expect(unitNameForm("Q.10")).toEqual({ type: "quận", words: ["10"] });
  });

  it("reads types typed without diacritics only when asked for the plain form", () => {
    expect(unitNameForm("Phuong An Cu").type).toBeNull();
    expect(unitNameForm("Phuong An Cu", true)).toEqual({ type: "phường", words: ["an", "cu"] });
  });
});

describe("unitFormKey", () => {
  it("gives one key to the ways one unit is written", () => {
    const key = unitFormKey("Phường An Cư");
    for (const written of ["UBND P. An Cư", "ubnd p.an cư", "UỶ BAN NHÂN DÂN PHƯỜNG AN CƯ"]) {
      expect(unitFormKey(written)).toBe(key);
    }
  });

  it("keeps a ward and a commune of the same name apart", () => {
    expect(unitFormKey("P. An Cư")).not.toBe(unitFormKey("X. An Cư"));
    expect(unitFormKey("TT. Cờ Đỏ")).not.toBe(unitFormKey("H. Cờ Đỏ"));
  });
});

describe("plainWord", () => {
  it("drops diacritics and writes đ as d", () => {
    expect(plainWord(unitKey("Đường"))).toBe("duong");
  });
});

describe("editDistance", () => {
  it("answers one more than the limit when the strings are further apart than it", () => {
    expect(editDistance("An Cư", "Thới An Đông", 2)).toBe(3);
    expect(editDistance("Trung Nhứt", "Trung Nhất", 2)).toBe(1);
    expect(editDistance("abcdef", "ghijkl", 1)).toBe(2);
  });

  it("counts single-character edits", () => {
    expect(editDistance("Sở Tư pháp", "Sở Tư Pháp")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

describe("columnLetter and cellAddress", () => {
  it("turns 0-based indexes into A1 letters", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AB",
      "ZZ",
      "AAA",
    ]);
  });

  it("names a 0-based row and column in A1", () => {
    expect(cellAddress(10, 1)).toBe("B11");
    expect(cellAddress(0, 0)).toBe("A1");
  });
});
