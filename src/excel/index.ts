export * from "./marker";
export * from "./names";
export * from "./payload";
export * from "./readWorkbook";
export * from "./writeSheets";
export * from "./rankInExcel";
export * from "./mapping";
export * from "./dates";
