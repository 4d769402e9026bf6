/** The engine's public API: what the task pane, the custom functions and the command line use. */
export * from "./types";
export * from "./rules";
export * from "./text";
export * from "./issues";
export * from "./cells";
export * from "./readScoreTable";
export * from "./readNominees";
export * from "./rankUnits";
export * from "./selectAwards";
export * from "./prize";
export * from "./rankWorkbook";
export * from "./candidateSheet";
export * from "./resultJson";
export * from "./sheetNames";
export * from "./readingReport";
