/**
 * Checks a run's JSON result against a corpus case's expected outcome, and reduces a result to
 * what every door must agree on.
 */
import type { CorpusExpectation } from "./cases";

interface JsonUnit {
  readonly name: string;
  readonly status: string;
  readonly rank: number | null;
  readonly ratio: number | null;
  readonly source: string;
}
interface JsonIndividual {
  readonly name: string;
  readonly status: string;
  readonly unit: string;
}
interface JsonBloc {
  readonly bloc: number;
  readonly units: readonly JsonUnit[];
  readonly individuals: readonly JsonIndividual[];
}
export interface JsonResult {
  readonly years: readonly { readonly year: number; readonly blocs: readonly JsonBloc[] }[];
  readonly issues: readonly {
    readonly code: string;
    readonly sheet: string | null;
    readonly cell: string | null;
  }[];
  readonly unplaced?: readonly unknown[];
}

/** Every mismatch between a result and an expectation, as readable lines (empty when it holds). */
export function mismatches(result: JsonResult, expect: CorpusExpectation): string[] {
  const problems: string[] = [];
  const units = result.years.flatMap((y) =>
    y.blocs.flatMap((b) => b.units.map((u) => ({ ...u, year: y.year, bloc: b.bloc }))),
  );
  const ranked = units.filter((u) => u.status !== "invalid").length;
  const invalid = units.length - ranked + (result.unplaced?.length ?? 0);
  if (expect.ranked !== undefined && ranked !== expect.ranked)
    problems.push(`ranked ${ranked}, expected ${expect.ranked}`);
  if (expect.invalid !== undefined && invalid !== expect.invalid)
    problems.push(`invalid ${invalid}, expected ${expect.invalid}`);
  for (const [key, names] of Object.entries(expect.candidates ?? {})) {
    const [year, bloc] = key.split("/").map(Number);
    const got = units
      .filter((u) => u.year === year && u.bloc === bloc && u.status === "candidate")
      .map((u) => u.name);
    if (JSON.stringify(got) !== JSON.stringify(names))
      problems.push(`candidates ${key}: ${JSON.stringify(got)}, expected ${JSON.stringify(names)}`);
  }
  for (const [year, name, status] of expect.statuses ?? []) {
    const unit = units.find((u) => u.year === year && u.name === name);
    if (unit?.status !== status)
      problems.push(`status of ${name} in ${year}: ${unit?.status}, expected ${status}`);
  }
  for (const [key, names] of Object.entries(expect.individuals ?? {})) {
    const [year, bloc] = key.split("/").map(Number);
    const got = result.years
      .filter((y) => y.year === year)
      .flatMap((y) => y.blocs.filter((b) => b.bloc === bloc))
      .flatMap((b) => b.individuals.filter((i) => i.status === "candidate").map((i) => i.name));
    if (JSON.stringify(got) !== JSON.stringify(names))
      problems.push(
        `individuals ${key}: ${JSON.stringify(got)}, expected ${JSON.stringify(names)}`,
      );
  }
  for (const want of expect.issues ?? []) {
    const found = result.issues.some(
      (i) =>
        i.code === want.code &&
        (want.sheet === undefined || i.sheet === want.sheet) &&
        (want.cell === undefined || i.cell === want.cell),
    );
    if (!found)
      problems.push(
        `missing issue ${want.code}${want.sheet ? ` on ${want.sheet}` : ""}${want.cell ? `!${want.cell}` : ""}; got ${result.issues.map((i) => `${i.code}@${i.cell}`).join(", ")}`,
      );
  }
  for (const code of expect.absent ?? []) {
    if (result.issues.some((i) => i.code === code)) problems.push(`unexpected issue ${code}`);
  }
  return problems;
}

/** What every door must agree on: statuses, ranks and ratios of every unit, and issues by place. */
export function agreement(result: JsonResult): unknown {
  return {
    years: result.years.map((y) => ({
      year: y.year,
      blocs: y.blocs.map((b) => ({
        bloc: b.bloc,
        units: b.units.map((u) => [u.name, u.status, u.rank, u.ratio, u.source]),
        individuals: b.individuals.map((i) => [i.name, i.status, i.unit]),
      })),
    })),
    issues: result.issues.map((i) => [i.code, i.sheet, i.cell]),
  };
}
