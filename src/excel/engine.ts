/** The real engine behind the adapter (the tests may inject a stand-in instead). */
import { buildCandidateSheets } from "../domain/candidateSheet";
import { rankWorkbook } from "../domain/rankWorkbook";
import type { Engine } from "./rankInExcel";

export const domainEngine: Engine = { rankWorkbook, buildCandidateSheets };
