import {
  aggregateKind,
  clausesOf,
  describeHeader,
  isExclusionText,
  maxFromHeader,
  mentionsExclusion,
} from "../../../src/domain/read/vocabulary";

describe("describeHeader", () => {
  it.each([
    ["Điểm chính quyền số", { role: "score", part: true, total: false }],
    ["Tổng điểm", { role: "score", part: false, total: true }],
    ["Điểm tự đánh giá", { role: "score", self: true, appraised: false }],
    ["Điểm thẩm định", { role: "score", self: false, appraised: true }],
    ["Điểm năm 2022", { role: "score", year: 2022 }],
    ["Năm 2023", { role: "score", year: 2023 }],
    ["Năm", { role: "year", year: null }],
    ["Xếp hạng 2023", { role: "rank", year: 2023 }],
    ["Chỉ số DTI (%)", { role: "ratio" }],
    ["CHUYỂN ĐỔI SỐ CẤP TỈNH (PDTI)", { role: "score" }],
    ["Tổng điểm (thang điểm 1.000)", { role: "score", total: true, statedMax: 1000 }],
    ["Tổng điểm (500 điểm)", { role: "score", statedMax: 500 }],
    ["Tổng số đơn vị được đánh giá", { role: null }],
    ["Điểm trung bình", { role: null }],
    ["Xếp loại", { role: null }],
  ] as const)("reads “%s”", (text, expected) => {
    expect(describeHeader(text)).toMatchObject(expected);
  });
});

describe("maxFromHeader", () => {
  it("reads a maximum stated in words or in brackets, with thousands dots", () => {
    expect(maxFromHeader("Điểm đánh giá (thang 100)")).toBe(100);
    expect(maxFromHeader("(thang điểm 1.000)")).toBe(1000);
    expect(maxFromHeader("Điểm (tối đa 900 điểm)")).toBe(900);
    expect(maxFromHeader("Score (out of 100)")).toBe(100);
    expect(maxFromHeader("Tổng điểm (500 điểm)")).toBe(500);
    expect(maxFromHeader("Điểm đạt được")).toBeNull();
  });

  it.each([
    "Cần Thơ, ngày 20 tháng 3 năm 2024",
    "Cần Thơ, ngày   tháng   năm 2024",
    "(Kèm theo Công văn ngày 5 tháng 12)",
    "Số liệu đến tháng 3/2024",
    "Số liệu tháng 03 năm 2024",
  ])("does not read the month of the date “%s” as a maximum", (text) => {
    expect(maxFromHeader(text)).toBeNull();
  });

  it("reads a normalized score (“Điểm chuẩn hóa”, “Điểm quy đổi”) as a score, not as “Điểm chuẩn”", () => {
    expect(describeHeader("Điểm chuẩn hóa").role).toBe("score");
    expect(describeHeader("Điểm quy đổi").role).toBe("score");
    expect(describeHeader("Điểm chuẩn").role).toBe("maxScore");
  });

  it.each(["Thuộc huyện", "Thuộc quận, huyện", "Đơn vị hành chính cấp huyện"])(
    "reads “%s” as the district column",
    (text) => {
      expect(describeHeader(text).role).toBe("district");
    },
  );

  it("does not read the year of “Điểm tối đa 2022” as a maximum", () => {
    expect(maxFromHeader("Điểm tối đa 2022")).toBeNull();
    expect(describeHeader("Điểm tối đa 2022")).toMatchObject({ role: "maxScore", year: 2022 });
  });

  it("reads a maximum written beside a date or a year", () => {
    expect(maxFromHeader("Điểm (thang 100) năm 2023")).toBe(100);
    expect(maxFromHeader("Ngày 20 tháng 3 năm 2024 (thang điểm 1.000)")).toBe(1000);
  });
});

describe("aggregateKind", () => {
  it.each([
    ["Tổng cộng", "total"],
    ["TỔNG CỘNG", "total"],
    ["Cộng khối I", "total"],
    ["Cộng quận Ninh Kiều", "total"],
    ["Cả nước", "total"],
    ["TB khối III", "average"],
    ["Điểm trung bình khối", "average"],
    ["Trung bình cả nước", "average"],
    ["Số đơn vị", "count"],
    ["Số đơn vị: 20", "count"],
    ["Tổng số đơn vị được đánh giá", "count"],
    ["  Tổng cộng", "total"],
    ["– Tổng cộng", "total"],
    ["Tổng:", "total"],
    ["TB.khối III", "average"],
    ["\u200BCộng khối II", "total"],
    ["Tổng\u00A0cộng", "total"],
    ["Điểm cao nhất", "extreme"],
    ["ĐIỂM THẤP NHẤT", "extreme"],
    ["Cao nhất khối I", "extreme"],
    ["Thấp nhất", "extreme"],
    ["Highest score", "extreme"],
    ["Min", "extreme"],
  ] as const)("reads “%s” as a %s row", (text, kind) => {
    expect(aggregateKind(text)).toBe(kind);
  });

  it.each([
    "Tổng công ty Viễn thông MobiFone – Chi nhánh Cần Thơ",
    "Tong cong ty Dien luc Can Tho",
    "Công an thành phố",
    "Cộng đồng doanh nghiệp số",
    "Tổng cục Thống kê – Cục Thống kê Cần Thơ",
    "Sở Tư pháp",
    "UBND phường Minh Khai",
    "Trường Cao đẳng Cần Thơ",
  ])("keeps “%s” a name", (text) => {
    expect(aggregateKind(text)).toBeNull();
  });
});

describe("isExclusionText", () => {
  it("reads the marks officers write for a unit not considered", () => {
    expect(isExclusionText("Không xét")).toBe(true);
    expect(isExclusionText("không xếp hạng (không cung cấp dịch vụ công)")).toBe(true);
    expect(isExclusionText("KHONG XET")).toBe(true);
    expect(isExclusionText("Đã xét")).toBe(false);
    expect(isExclusionText("Xét đặc cách")).toBe(false);
  });

  it("reads a mark that ends a note, after its reason", () => {
    expect(isExclusionText("Đơn vị mới thành lập, không xét")).toBe(true);
    expect(isExclusionText("Cơ quan thường trực, không tham gia xếp hạng")).toBe(true);
    expect(isExclusionText("Chưa đủ 01 năm hoạt động - không đưa vào xét khen thưởng")).toBe(true);
  });

  it("takes “Không đánh giá” and “Không tham gia” for a mark only alone or with their reason", () => {
    expect(isExclusionText("Không đánh giá")).toBe(true);
    expect(isExclusionText("Không tham gia do sáp nhập")).toBe(true);
    expect(isExclusionText("Không đánh giá chỉ số Kinh tế số, Xã hội số (nhóm 2)")).toBe(false);
    expect(isExclusionText("Không tham gia diễn tập ATTT, trừ 10 điểm")).toBe(false);
  });
});

describe("mentionsExclusion", () => {
  it("finds a note that speaks of not considering without marking the unit", () => {
    expect(mentionsExclusion("Năm 2022 không xét do sáp nhập")).toBe(true);
    expect(mentionsExclusion("Đề nghị không xét")).toBe(true);
  });

  it("is false for a mark and for a note without those words", () => {
    expect(mentionsExclusion("Không xét")).toBe(false);
    expect(mentionsExclusion("Đạt loại tốt")).toBe(false);
  });
});

describe("clausesOf", () => {
  it("cuts a note at commas, dashes and brackets, each part folded", () => {
    expect(clausesOf("Rút hồ sơ (chuyển công tác)")).toEqual(["rut ho so", "chuyen cong tac"]);
    expect(clausesOf("Chưa đủ 01 năm - không đưa vào xét")).toEqual([
      "chua du 01 nam",
      "khong dua vao xet",
    ]);
  });
});
