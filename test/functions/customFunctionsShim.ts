/**
 * A stand-in for the `CustomFunctions` runtime Excel provides to the functions' JavaScript, so
 * that the functions can be called directly under Node the way Excel calls them.
 */

export const ERROR_CODES = {
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidNumber: "#NUM!",
  invalidReference: "#REF!",
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  nullReference: "#NULL!",
} as const;

/** Mirrors `CustomFunctions.Error`: a code and an optional message. */
export class ShimError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export interface CustomFunctionsShim {
  readonly Error: typeof ShimError;
  readonly ErrorCode: typeof ERROR_CODES;
  readonly associations: Map<string, unknown>;
  associate(id: string, fn: unknown): void;
}

type Globals = { CustomFunctions?: unknown; Office?: unknown };

/** Puts the stand-in on `globalThis` and returns it. */
export function installCustomFunctions(): CustomFunctionsShim {
  const associations = new Map<string, unknown>();
  const shim: CustomFunctionsShim = {
    Error: ShimError,
    ErrorCode: ERROR_CODES,
    associations,
    associate(id, fn) {
      associations.set(id, fn);
    },
  };
  (globalThis as Globals).CustomFunctions = shim;
  return shim;
}

export function uninstallCustomFunctions(): void {
  delete (globalThis as Globals).CustomFunctions;
}

/** Sets what `Office.context.displayLanguage` says; `null` removes `Office` altogether. */
export function setDisplayLanguage(language: string | null): void {
  if (language === null) delete (globalThis as Globals).Office;
  else (globalThis as Globals).Office = { context: { displayLanguage: language } };
}

/** True when `value` is the `#VALUE!` error the functions return, with both languages. */
export function isValueError(value: unknown): value is ShimError {
  return value instanceof ShimError && value.code === "#VALUE!" && / \/ /.test(value.message ?? "");
}

/** A column range the way Excel passes it: n×1. */
export function column(values: readonly unknown[]): unknown[][] {
  return values.map((v) => [v]);
}

/**
 * The hooks of a test file of the functions: the shim installed for the file, removed after it,
 * and before each test the display language reset and `beforeEachTest` run (e.g. clearing the
 * ranking cache).
 */
export function useCustomFunctionsShim(beforeEachTest: () => void = () => undefined): void {
  beforeAll(() => {
    installCustomFunctions();
  });
  afterAll(() => {
    uninstallCustomFunctions();
  });
  beforeEach(() => {
    beforeEachTest();
    setDisplayLanguage(null);
  });
}
