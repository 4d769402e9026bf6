/** How a Rank started from the ribbon reaches the task pane (one window in the shared runtime). */
import type { Failure } from "../excel/failures";
import type { RankOutcome } from "../excel/rankInExcel";

export const RIBBON_RUN_EVENT = "dti-awards:ribbon-run";

export type RibbonRun = { readonly outcome: RankOutcome } | { readonly failure: Failure };

/**
 * The ribbon's actions: each manifest `<FunctionName>` and the function it runs is associated
 * under this name. Office.js looks a name up as `window[name]` before its association table
 * (unless the page's office.js tag says `data-use-associated-actions-only="1"`, which it does);
 * a dotted name is looked up as `window.DtiAwards.Rank`, which no element id on the page gives,
 * so an element can never shadow the action even where that attribute is not honoured.
 */
export const RIBBON_ACTIONS = { rank: "DtiAwards.Rank" } as const;
