/** The real engine behind the adapter (the tests may inject a stand-in instead). */
import { buildCandidateSheets } from "../domain/candidateSheet";
import { buildHistorySheets } from "../domain/history";
import { buildProposalSheets, submitter } from "../domain/proposalList";
import { rankWorkbook } from "../domain/rankWorkbook";
import type { Engine } from "./rankInExcel";

export const domainEngine: Engine = {
  rankWorkbook,
  buildCandidateSheets,
  buildPrintSheets: (result, lang, agency) => [
    ...buildProposalSheets(result, lang, submitter(agency)),
    ...buildHistorySheets(result, lang),
  ],
};
