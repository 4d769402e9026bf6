import { freeSheetName, freeTableName } from "../../src/domain/sheetNames";

describe("freeSheetName", () => {
  it("keeps a free name and numbers a taken one, within 31 characters", () => {
    expect(freeSheetName("Kiểm tra dữ liệu", ["DTI 2023"])).toBe("Kiểm tra dữ liệu");
    expect(freeSheetName("Kiểm tra dữ liệu", ["kiểm tra dữ liệu"])).toBe("Kiểm tra dữ liệu (2)");
    expect(freeSheetName("Data check", ["Data check", "Data check (2)"])).toBe("Data check (3)");
    const long = "A".repeat(31);
    expect(freeSheetName(long, [long])).toBe(`${"A".repeat(27)} (2)`);
  });
});

describe("freeTableName", () => {
  it("numbers a table name already used in the workbook", () => {
    expect(freeTableName("DeXuat2023", [])).toBe("DeXuat2023");
    expect(freeTableName("DeXuat2023", ["dexuat2023", "DeXuat2023_2"])).toBe("DeXuat2023_3");
  });
});
