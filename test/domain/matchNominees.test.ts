import { buildCandidateSheets } from "../../src/domain/candidateSheet";
import fc from "fast-check";
import { matchNominees } from "../../src/domain/matchNominees";
import { rankReadings } from "../../src/domain/rankWorkbook";
import type { Bloc, Nominee, UnitScore } from "../../src/domain/types";
import { readings } from "../fixtures/readings";
import { nominee, unit } from "../fixtures/units";

/** Can Tho's units of 2023 as the Department's score table names them (scores are made up). */
const BLOC_1 = [
  "Văn phòng UBND thành phố",
  "Sở Nội vụ",
  "Sở Tư pháp",
  "Sở Kế hoạch và Đầu tư",
  "Sở Tài chính",
  "Sở Công Thương",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Giao thông vận tải",
  "Sở Xây dựng",
  "Sở Tài nguyên và Môi trường",
  "Sở Thông tin và Truyền thông",
  "Sở Lao động - Thương binh và Xã hội",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Khoa học và Công nghệ",
  "Sở Giáo dục và Đào tạo",
  "Sở Y tế",
  "Sở Ngoại vụ",
  "Thanh tra thành phố",
  "Ban Dân tộc",
  "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ",
];
const BLOC_2 = [
  "UBND quận Ninh Kiều",
  "UBND quận Bình Thủy",
  "UBND quận Cái Răng",
  "UBND quận Ô Môn",
  "UBND quận Thốt Nốt",
  "UBND huyện Phong Điền",
  "UBND huyện Cờ Đỏ",
  "UBND huyện Vĩnh Thạnh",
  "UBND huyện Thới Lai",
];
const BLOC_3: readonly (readonly [string, string])[] = [
  ["Quận Ninh Kiều", "UBND phường Cái Khế"],
  ["Quận Ninh Kiều", "UBND phường An Hòa"],
  ["Quận Ninh Kiều", "UBND phường An Cư"],
  ["Quận Ninh Kiều", "UBND phường An Phú"],
  ["Quận Bình Thủy", "UBND phường Bình Thủy"],
  ["Quận Bình Thủy", "UBND phường An Thới"],
  ["Quận Ô Môn", "UBND phường Thới An"],
  ["Quận Thốt Nốt", "UBND phường Trung Nhứt"],
  ["Quận Thốt Nốt", "UBND phường Thạnh Hoà"],
  ["Huyện Phong Điền", "UBND thị trấn Phong Điền"],
  ["Huyện Phong Điền", "UBND xã Tân Thới"],
  ["Huyện Phong Điền", "UBND xã Trường Long"],
  ["Huyện Cờ Đỏ", "UBND thị trấn Cờ Đỏ"],
  ["Huyện Cờ Đỏ", "UBND xã Thạnh Phú"],
  ["Huyện Thới Lai", "UBND xã Trường Xuân"],
  ["Huyện Thới Lai", "UBND xã Trường Xuân A"],
  ["Huyện Thới Lai", "UBND xã Trường Xuân B"],
];

const canTho: UnitScore[] = [
  ...BLOC_1.map((name, i) => unit({ name, bloc: 1, score: 900 - i })),
  ...BLOC_2.map((name, i) => unit({ name, bloc: 2, score: 900 - i })),
  ...BLOC_3.map(([group, name], i) =>
    unit({ name, group, bloc: 3, score: 500 - i, maxScore: 500 }),
  ),
];

const byName = (units: readonly UnitScore[], name: string): UnitScore => {
  const found = units.find((u) => u.name === name);
  if (!found) throw new Error(`no unit ${name}`);
  return found;
};

/** The units a nominee was given to, by name, and whether that is to be confirmed. */
function matchOf(
  unitName: string,
  units: readonly UnitScore[] = canTho,
): { units: string[]; doubt: string | null; codes: string[] } {
  const person = nominee({ name: "Nguyễn Văn An", unitName });
  const result = matchNominees([person], units);
  return {
    units: [...result.byUnit.entries()]
      .filter(([, list]) => list.includes(person))
      .map(([u]) => (u.group ? `${u.name} (${u.group})` : u.name)),
    doubt: result.doubts.get(person)?.reason ?? null,
    codes: result.issues.map((i) => i.code),
  };
}

const sure = (name: string) => ({ units: [name], doubt: null, codes: [] });

describe("matchNominees: the ways officers write a unit are the same unit, for sure", () => {
  it.each([
    ["UBND P. An Cư", "UBND phường An Cư (Quận Ninh Kiều)"],
    ["Ủy ban nhân dân phường An Cư", "UBND phường An Cư (Quận Ninh Kiều)"],
    ["Uỷ ban nhân dân P.An Cư", "UBND phường An Cư (Quận Ninh Kiều)"],
    ["Phường An Cư", "UBND phường An Cư (Quận Ninh Kiều)"],
    ["ubnd phường an cư", "UBND phường An Cư (Quận Ninh Kiều)"],
    ["UBND PHƯỜNG AN CƯ", "UBND phường An Cư (Quận Ninh Kiều)"],
    ["P An Cư", "UBND phường An Cư (Quận Ninh Kiều)"],
    ["Q. Ninh Kiều", "UBND quận Ninh Kiều"],
    ["Quận Ninh Kiều", "UBND quận Ninh Kiều"],
    ["UBND Q.Bình Thủy", "UBND quận Bình Thủy"],
    ["UBND Q. Bình Thuỷ", "UBND quận Bình Thủy"],
    ["UBND P. Bình Thủy", "UBND phường Bình Thủy (Quận Bình Thủy)"],
    ["UBND TT. Cờ Đỏ", "UBND thị trấn Cờ Đỏ (Huyện Cờ Đỏ)"],
    ["TTr. Cờ Đỏ", "UBND thị trấn Cờ Đỏ (Huyện Cờ Đỏ)"],
    ["H. Cờ Đỏ", "UBND huyện Cờ Đỏ"],
    ["H. Phong Điền", "UBND huyện Phong Điền"],
    ["TT Phong Điền", "UBND thị trấn Phong Điền (Huyện Phong Điền)"],
    ["X. Tân Thới", "UBND xã Tân Thới (Huyện Phong Điền)"],
    ["Xã Trường Xuân A", "UBND xã Trường Xuân A (Huyện Thới Lai)"],
    ["UBND phường Thạnh Hòa", "UBND phường Thạnh Hoà (Quận Thốt Nốt)"],
    ["Sở TT&TT", "Sở Thông tin và Truyền thông"],
    ["Sở TTTT", "Sở Thông tin và Truyền thông"],
    ["Sở TT và TT", "Sở Thông tin và Truyền thông"],
    ["Sở TT-TT", "Sở Thông tin và Truyền thông"],
    ["STTTT", "Sở Thông tin và Truyền thông"],
    ["Sở Thông tin & Truyền thông", "Sở Thông tin và Truyền thông"],
    ["Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"],
    ["Sở KHĐT", "Sở Kế hoạch và Đầu tư"],
    ["Sở KH&CN", "Sở Khoa học và Công nghệ"],
    ["Sở GD&ĐT", "Sở Giáo dục và Đào tạo"],
    ["Sở GD-ĐT", "Sở Giáo dục và Đào tạo"],
    ["Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"],
    ["Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội"],
    ["Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"],
    ["Sở TN&MT", "Sở Tài nguyên và Môi trường"],
    ["Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở GTVT", "Sở Giao thông vận tải"],
    ["Sở NgV", "Sở Ngoại vụ"],
    ["Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
    ["BQL các KCX&CN", "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ"],
    ["Ban QL các KCX và CN Cần Thơ", "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ"],
    [
      "Ban Quản lý các Khu chế xuất và Công nghiệp",
      "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ",
    ],
    ["VP UBND TP", "Văn phòng UBND thành phố"],
    ["Văn phòng Ủy ban nhân dân thành phố Cần Thơ", "Văn phòng UBND thành phố"],
    ["Thanh tra TP", "Thanh tra thành phố"],
    ["Thanh tra thành phố Cần Thơ", "Thanh tra thành phố"],
  ])("“%s” is %s", (written, expected) => {
    expect(matchOf(written)).toEqual(sure(expected));
  });

  it("reads invisible characters, decomposed Unicode and odd spaces as if they were not there", () => {
    const expected = sure("UBND phường An Cư (Quận Ninh Kiều)");
    expect(matchOf("UBND\u00a0P.\u200bAn \u00adCư\u200c")).toEqual(
      sure("UBND phường An Cư (Quận Ninh Kiều)"),
    );
    expect(matchOf("\ufeffUBND P. An Cư".normalize("NFD"))).toEqual(expected);
    expect(matchOf("UBND\u2060 P. A\u200dn Cư")).toEqual(expected);
  });

  it("takes a name without its type word when exactly one unit has that name", () => {
    expect(matchOf("An Cư")).toEqual(sure("UBND phường An Cư (Quận Ninh Kiều)"));
    expect(matchOf("UBND Tân Thới")).toEqual(sure("UBND xã Tân Thới (Huyện Phong Điền)"));
  });

  it("uses the district written after the unit to tell same-named units apart", () => {
    const units = [
      ...canTho,
      unit({ name: "Xã Trường Long", group: "Huyện Cờ Đỏ", bloc: 3, score: 300, maxScore: 500 }),
    ];
    expect(matchOf("UBND xã Trường Long, huyện Phong Điền", units)).toEqual(
      sure("UBND xã Trường Long (Huyện Phong Điền)"),
    );
    expect(matchOf("X. Trường Long (H. Cờ Đỏ)", units)).toEqual(
      sure("Xã Trường Long (Huyện Cờ Đỏ)"),
    );
    expect(matchOf("UBND xã Trường Long - Cờ Đỏ", units)).toEqual(
      sure("Xã Trường Long (Huyện Cờ Đỏ)"),
    );
    expect(matchOf("UBND xã Trường Long huyện Cờ Đỏ", units)).toEqual(
      sure("Xã Trường Long (Huyện Cờ Đỏ)"),
    );
  });

  it("reads the district written before the unit", () => {
    const units = [
      unit({
        name: "UBND xã Tân Thạnh",
        group: "Huyện Thới Lai",
        bloc: 3,
        score: 480,
        maxScore: 500,
      }),
      unit({
        name: "UBND xã Trường Xuân",
        group: "Huyện Thới Lai",
        bloc: 3,
        score: 470,
        maxScore: 500,
      }),
    ];
    expect(matchOf("Huyện Thới Lai - UBND xã Tân Thạnh", units)).toEqual(
      sure("UBND xã Tân Thạnh (Huyện Thới Lai)"),
    );
    expect(matchOf("Thới Lai, xã Trường Xuân", units)).toEqual(
      sure("UBND xã Trường Xuân (Huyện Thới Lai)"),
    );
  });

  it("reads a district followed by the city, and words in brackets that name no district", () => {
    expect(matchOf("UBND phường An Cư, quận Ninh Kiều, TP. Cần Thơ")).toEqual(
      sure("UBND phường An Cư (Quận Ninh Kiều)"),
    );
    expect(matchOf("UBND phường An Cư (Bộ phận một cửa)")).toEqual(
      sure("UBND phường An Cư (Quận Ninh Kiều)"),
    );
  });

  it("matches a numbered ward however its number is written", () => {
    const units = [
      unit({ name: "Phường 1", bloc: 3, score: 400 }),
      unit({ name: "Phường 10", bloc: 3, score: 300 }),
    ];
    for (const written of ["P.1", "P1", "UBND Phường 01", "phường 1"]) {
      expect(matchOf(written, units)).toEqual(sure("Phường 1"));
    }
    expect(matchOf("Q.10", units).units).toEqual([]);
  });

  it("matches a province written “TP. Cần Thơ” in a national table", () => {
    const provinces = [
      "Thành phố Cần Thơ",
      "Thành phố Hà Nội",
      "Tỉnh Hậu Giang",
      "Tỉnh Sóc Trăng",
    ].map((name, i) => unit({ name, bloc: 1, score: 900 - i }));
    expect(matchOf("TP. Cần Thơ", provinces)).toEqual(sure("Thành phố Cần Thơ"));
    expect(matchOf("TP Hà Nội", provinces)).toEqual(sure("Thành phố Hà Nội"));
  });

  it("matches a unit the score table itself abbreviates", () => {
    const units = [
      unit({ name: "Sở TT&TT", bloc: 1, score: 900 }),
      unit({ name: "Sở Y tế", bloc: 1, score: 800 }),
    ];
    expect(matchOf("Sở Thông tin và Truyền thông", units)).toEqual(sure("Sở TT&TT"));
  });
});

describe("matchNominees: a letter or number that tells units apart is never a typo", () => {
  const units = [
    unit({ name: "UBND xã Trường Xuân A", bloc: 3, score: 480, maxScore: 500 }),
    unit({ name: "UBND xã Trường Long", bloc: 3, score: 470, maxScore: 500 }),
    unit({ name: "UBND phường 1", bloc: 3, score: 460, maxScore: 500 }),
  ];

  it.each(["UBND xã Trường Xuân C", "UBND xa Truong Xuan B", "UBND phường 7"])(
    "does not give “%s” to a unit one letter or number away",
    (written) => {
      expect(matchOf(written, units)).toEqual({
        units: [],
        doubt: null,
        codes: ["NOMINEE_UNIT_UNKNOWN"],
      });
    },
  );

  it("still offers the same name typed without diacritics, its letter kept", () => {
    expect(matchOf("UBND xa Truong Xuan A", units)).toEqual({
      units: ["UBND xã Trường Xuân A"],
      doubt: "near-spelling",
      codes: ["NOMINEE_UNIT_UNSURE"],
    });
  });
});

describe("matchNominees: a type word never joins two different units", () => {
  const xaAnCu = unit({ name: "Xã An Cư", bloc: 3, score: 400 });
  const phuongAnCu = unit({ name: "Phường An Cư", bloc: 3, score: 450 });

  it("does not give a ward's nominee to the commune of the same name", () => {
    const result = matchOf("UBND phường An Cư", [xaAnCu]);
    expect(result.units).toEqual([]);
    expect(result.codes).toEqual(["NOMINEE_UNIT_UNKNOWN"]);
  });

  it("does not give a ward's nominee to the commune even when the name is misspelt", () => {
    expect(matchOf("UBND phuong An Cu", [xaAnCu]).units).toEqual([]);
  });

  it("tells the ward and the commune apart when the type is written, in full or abbreviated", () => {
    expect(matchOf("P. An Cư", [xaAnCu, phuongAnCu])).toEqual(sure("Phường An Cư"));
    expect(matchOf("X. An Cư", [xaAnCu, phuongAnCu])).toEqual(sure("Xã An Cư"));
  });

  it("offers a name without its type word to both units, for confirmation", () => {
    expect(matchOf("UBND An Cư", [xaAnCu, phuongAnCu])).toEqual({
      units: ["Xã An Cư", "Phường An Cư"],
      doubt: "several-units",
      codes: ["NOMINEE_UNIT_AMBIGUOUS"],
    });
  });

  it("offers “Bình Thủy”, district or ward, once: in the bloc of the higher ratio, naming both", () => {
    const district = unit({ name: "UBND quận Bình Thủy", bloc: 2, score: 900, maxScore: 1000 });
    const ward = unit({ name: "UBND phường Bình Thủy", bloc: 3, score: 475, maxScore: 500 });
    expect(matchOf("UBND Bình Thủy", [district, ward])).toEqual({
      units: ["UBND phường Bình Thủy"],
      doubt: "several-units",
      codes: ["NOMINEE_UNIT_AMBIGUOUS"],
    });
    const lowerWard = unit({ name: "UBND phường Bình Thủy", bloc: 3, score: 400, maxScore: 500 });
    expect(matchOf("UBND Bình Thủy", [district, lowerWard]).units).toEqual(["UBND quận Bình Thủy"]);
    const person = nominee({ name: "Nguyễn Văn An", unitName: "Bình Thủy" });
    const [issue] = matchNominees([person], [district, ward]).issues;
    expect(issue.message.vi).toContain("UBND quận Bình Thủy");
    expect(issue.message.vi).toContain("UBND phường Bình Thủy");
  });

  it("never makes one person a candidate in two blocs", () => {
    const district = unit({ name: "UBND quận Bình Thủy", bloc: 2, score: 900, maxScore: 1000 });
    const ward = unit({ name: "UBND phường Bình Thủy", bloc: 3, score: 475, maxScore: 500 });
    const person = nominee({ name: "Nguyễn Văn An", unitName: "Bình Thủy" });
    const result = rankReadings(readings([district, ward], { nominees: [person] }), {
      decisionDate: "2024-03-31",
    });
    const chosen = result.years[0].blocs.flatMap((b) =>
      b.individuals.filter((i) => i.status !== "reserve").map((i) => [b.bloc, i.name]),
    );
    expect(chosen).toEqual([[3, "Nguyễn Văn An"]]);
  });
});

describe("matchNominees: looser matches are offered for confirmation, never taken as sure", () => {
  it("offers a name typed without diacritics to its unit, with a warning naming the unit", () => {
    const person = nominee({ name: "Trần Thị Bình", unitName: "UBND Phuong An Cu" });
    const result = matchNominees([person], canTho);
    const anCu = byName(canTho, "UBND phường An Cư");
    expect(result.byUnit.get(anCu)).toEqual([person]);
    expect(result.doubts.get(person)).toEqual({ reason: "near-spelling", units: [anCu] });
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: "NOMINEE_UNIT_UNSURE",
      severity: "warning",
      sheet: "Cá nhân đề xuất",
      params: { matched: "UBND phường An Cư (Quận Ninh Kiều)" },
    });
    expect(result.issues[0].message.vi).toContain("UBND phường An Cư");
    expect(result.issues[0].message.en).toContain("Confirm the unit");
  });

  it("offers an abbreviated name typed without diacritics to its unit, with or without the city", () => {
    for (const written of ["Ban Quan ly cac KCX va CN", "So Lao dong - TB&XH Can Tho"]) {
      expect(matchOf(written).doubt).toBe("near-spelling");
    }
    expect(matchOf("Ban Quan ly cac KCX va CN").units).toEqual([
      "Ban Quản lý các Khu chế xuất và Công nghiệp Cần Thơ",
    ]);
    expect(matchOf("So Lao dong - TB&XH Can Tho").units).toEqual([
      "Sở Lao động - Thương binh và Xã hội",
    ]);
  });

  it("offers a name one letter off to its unit", () => {
    expect(matchOf("UBND phường Trung Nhất")).toEqual({
      units: ["UBND phường Trung Nhứt (Quận Thốt Nốt)"],
      doubt: "near-spelling",
      codes: ["NOMINEE_UNIT_UNSURE"],
    });
  });

  it("offers a shortened department name to the one department it begins", () => {
    expect(matchOf("Sở Nông nghiệp")).toEqual({
      units: ["Sở Nông nghiệp và Phát triển nông thôn"],
      doubt: "partial-name",
      codes: ["NOMINEE_UNIT_UNSURE"],
    });
  });

  it("offers an abbreviation two departments share to both of them", () => {
    expect(matchOf("Sở NV")).toEqual({
      units: ["Sở Nội vụ", "Sở Ngoại vụ"],
      doubt: "several-units",
      codes: ["NOMINEE_UNIT_AMBIGUOUS"],
    });
  });

  it("flags a unit whose written district contradicts the score table", () => {
    for (const written of ["UBND phường An Cư, quận Bình Thủy", "Phường An Cư (Bình Thủy)"]) {
      expect(matchOf(written)).toEqual({
        units: ["UBND phường An Cư (Quận Ninh Kiều)"],
        doubt: "other-district",
        codes: ["NOMINEE_UNIT_UNSURE"],
      });
    }
  });

  it("offers same-named communes of two districts to both when no district is written", () => {
    const other = unit({ name: "Xã Trường Long", group: "Huyện Cờ Đỏ", bloc: 3, score: 300 });
    const result = matchOf("UBND xã Trường Long", [...canTho, other]);
    expect(result).toEqual({
      units: ["UBND xã Trường Long (Huyện Phong Điền)", "Xã Trường Long (Huyện Cờ Đỏ)"],
      doubt: "several-units",
      codes: ["NOMINEE_UNIT_AMBIGUOUS"],
    });
  });

  it("matches nothing when a name fits too many units to be a plausible match", () => {
    const result = matchOf("Phường An");
    expect(result.units).toEqual([]);
    expect(result.codes).toEqual(["NOMINEE_UNIT_UNKNOWN"]);
  });

  it("reports a unit not in the score table with the closest names", () => {
    const person = nominee({ name: "Lê Văn Cúc", unitName: "Sở Du lịch" });
    const result = matchNominees([person], canTho);
    expect(result.byUnit.size).toBe(0);
    expect(result.issues.map((i) => i.code)).toEqual(["NOMINEE_UNIT_UNKNOWN"]);
    expect(String(result.issues[0].params.closest).split(", ")).toHaveLength(3);
  });

  it("leaves out a nominee of a bloc-4 enterprise, even one written loosely", () => {
    const units = [...canTho, unit({ name: "Viettel Cần Thơ", bloc: 4, score: 90, maxScore: 100 })];
    expect(matchOf("Viettel", units)).toEqual({
      units: [],
      doubt: null,
      codes: ["NOMINEE_BLOC_4"],
    });
    expect(matchOf("Viettel Cần Thơ", units)).toEqual({
      units: [],
      doubt: null,
      codes: ["NOMINEE_BLOC_4"],
    });
  });
});

/* ------------------------------------------------------------------------------------------- */

/** Written forms and the unit (and doubt) each must give, whatever is done to the text. */
const WRITTEN: readonly string[] = [
  "UBND P. An Cư",
  "Q. Ninh Kiều",
  "UBND TT. Cờ Đỏ",
  "UBND Q.Bình Thủy",
  "H. Phong Điền",
  "X. Tân Thới",
  "Sở TT&TT",
  "Sở TTTT",
  "Sở KH&ĐT",
  "Sở GD&ĐT",
  "Sở LĐ-TB&XH",
  "Ủy ban nhân dân phường An Cư",
  "BQL các KCX&CN",
  "UBND phường Thạnh Hòa, quận Thốt Nốt",
  "UBND Phuong An Cu",
  "UBND Bình Thủy",
  "Sở Nông nghiệp",
  "Sở Du lịch",
];

const INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u2060"];

/** Inserts invisible characters, changes letter case and switches between NFC and NFD. */
const disguised = (text: string): fc.Arbitrary<string> =>
  fc
    .record({
      inserts: fc.array(
        fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(...INVISIBLES, "\u00a0 ", "  ")),
        { maxLength: 6 },
      ),
      cases: fc.array(fc.constantFrom("upper", "lower", "keep"), {
        minLength: text.length,
        maxLength: text.length,
      }),
      form: fc.constantFrom("NFC", "NFD"),
    })
    .map(({ inserts, cases, form }) => {
      const chars = [...text].map((c, i) =>
        cases[i] === "upper" ? c.toUpperCase() : cases[i] === "lower" ? c.toLowerCase() : c,
      );
      const sorted = [...inserts].sort((a, b) => b[0] - a[0]);
      for (const [at, extra] of sorted) {
        // Extra white space only beside a space: inside a word it would split the word.
        if (extra.trim() === "" && chars[at] !== " ") continue;
        chars.splice(at, 0, extra);
      }
      return chars.join("").normalize(form as "NFC" | "NFD");
    });

describe("matchNominees properties", () => {
  it("gives the same unit and the same doubt whatever invisible characters, case or Unicode form", () => {
    for (const written of WRITTEN) {
      const expected = matchOf(written);
      fc.assert(
        fc.property(disguised(written), (variant) => {
          const got = matchOf(variant);
          expect(got.units).toEqual(expected.units);
          expect(got.doubt).toEqual(expected.doubt);
          expect(got.codes).toEqual(expected.codes);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("gives every unit of the score table its own nominee when written as in the table", () => {
    const people: Nominee[] = canTho.map((u, i) => nominee({ name: `P${i}`, unitName: u.name }));
    const { byUnit, doubts, issues } = matchNominees(people, canTho);
    expect(issues).toEqual([]);
    expect(doubts.size).toBe(0);
    canTho.forEach((u, i) => expect(byUnit.get(u)).toEqual([people[i]]));
  });
});

/* ------------------------------------------------------------------------------------------- */

describe("a spelling never moves the top unit's individual slot down the ranking", () => {
  const DATE = "2024-03-31";
  const blocOf = (units: readonly UnitScore[], nominees: readonly Nominee[], bloc: Bloc) => {
    const result = rankReadings(readings(units, { nominees }), { decisionDate: DATE });
    const found = result.years[0].blocs.find((b) => b.bloc === bloc);
    if (!found) throw new Error("no bloc");
    return { bloc: found, issues: result.issues };
  };

  it("keeps the slot with the top unit when its nominee wrote the unit without diacritics, for confirmation", () => {
    const top = unit({ name: "Sở Thông tin và Truyền thông", bloc: 1, score: 950 });
    const second = unit({ name: "Sở Y tế", bloc: 1, score: 900 });
    const nominees = [
      nominee({ name: "Lê Văn Hai", unitName: "Sở Y tế", direct: true, order: 1 }),
      nominee({ name: "Trần Văn Một", unitName: "So Thong tin va Truyen thong", order: 2 }),
    ];
    const { bloc, issues } = blocOf([top, second], nominees, 1);
    expect(bloc.individuals.map((p) => [p.name, p.status, p.unit, p.confirm])).toEqual([
      ["Trần Văn Một", "candidate", "Sở Thông tin và Truyền thông", true],
      ["Lê Văn Hai", "reserve", "Sở Y tế", false],
    ]);
    expect(bloc.individuals[0].reason.vi).toMatch(/^Cần xác nhận đơn vị \(ghi “So Thong tin/);
    expect(bloc.individuals[0].reason.en).toMatch(/^Unit to be confirmed/);
    expect(bloc.units[0].chosenIndividual).toBe("Trần Văn Một");
    const unsure = issues.find((i) => i.code === "NOMINEE_UNIT_UNSURE");
    // The nominee of order 2 is on row 7; the warning points at the unit column (D).
    expect(unsure).toMatchObject({ sheet: "Cá nhân đề xuất", cell: "D7" });
    expect(unsure?.params.matched).toBe("Sở Thông tin và Truyền thông");
    const sheet = buildCandidateSheets(
      rankReadings(readings([top, second], { nominees }), { decisionDate: DATE }),
      "vi",
    )[0];
    const row = sheet.tables.flatMap((t) => t.rows).find((r) => r.values[2] === "Trần Văn Một");
    expect(row?.values[6]).toBe("Đề xuất – cần xác nhận đơn vị");
    expect(row?.style).toBe("tie");
  });

  it("keeps the slot with the top unit when its nominee's unit fits it and a lower unit", () => {
    const top = unit({ name: "Xã Trường Long", group: "Huyện Phong Điền", bloc: 3, score: 480 });
    const second = unit({ name: "Xã Nhơn Ái", group: "Huyện Phong Điền", bloc: 3, score: 470 });
    const third = unit({ name: "Xã Trường Long", group: "Huyện Cờ Đỏ", bloc: 3, score: 460 });
    const filler = [400, 390, 380].map((score, i) =>
      unit({ name: `Xã K${i}`, group: "Huyện Thới Lai", bloc: 3, score }),
    );
    const nominees = [
      nominee({ name: "Võ Văn Ba", unitName: "UBND xã Nhơn Ái", order: 1 }),
      nominee({ name: "Phạm Thị Tư", unitName: "UBND xã Trường Long", order: 2 }),
    ];
    const { bloc } = blocOf([top, second, third, ...filler], nominees, 3);
    expect(bloc.individuals.map((p) => [p.name, p.status, p.unitGroup, p.confirm])).toEqual([
      ["Phạm Thị Tư", "candidate", "Huyện Phong Điền", true],
      ["Võ Văn Ba", "candidate", "Huyện Phong Điền", false],
    ]);
    expect(bloc.individuals[0].reason.vi).toContain("có thể là Xã Trường Long (Huyện Cờ Đỏ)");
  });

  it("gives the slot to the unit's surely matched nominee before one to be confirmed", () => {
    const top = unit({ name: "Sở Y tế", bloc: 1, score: 950 });
    const nominees = [
      nominee({ name: "Đỗ Văn Năm", unitName: "So Y te", direct: true, order: 1 }),
      nominee({ name: "Hồ Thị Sáu", unitName: "Sở Y tế", order: 2 }),
    ];
    const { bloc } = blocOf([top], nominees, 1);
    expect(bloc.individuals.map((p) => [p.name, p.status, p.confirm])).toEqual([
      ["Hồ Thị Sáu", "candidate", false],
      ["Đỗ Văn Năm", "reserve", true],
    ]);
  });
});
