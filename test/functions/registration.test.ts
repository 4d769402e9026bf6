import { installCustomFunctions, uninstallCustomFunctions } from "./customFunctionsShim";

const IDS = ["SLOTS", "RATIO", "RANK", "STATUS", "CHECK", "PRIZE", "BASESALARY", "CANDIDATES"];

describe("registration of the functions", () => {
  afterEach(() => {
    uninstallCustomFunctions();
  });

  it("loads outside Excel without touching CustomFunctions", async () => {
    uninstallCustomFunctions();
    await jest.isolateModulesAsync(async () => {
      await expect(import("../../src/functions/functions")).resolves.toBeDefined();
    });
  });

  it("associates the eight ids with their functions inside Excel", async () => {
    const shim = installCustomFunctions();
    await jest.isolateModulesAsync(async () => {
      const functions = await import("../../src/functions/functions");
      expect([...shim.associations.keys()]).toEqual(IDS);
      expect(shim.associations.get("SLOTS")).toBe(functions.slots);
      expect(shim.associations.get("BASESALARY")).toBe(functions.baseSalary);
      expect(shim.associations.get("CANDIDATES")).toBe(functions.candidates);
    });
  });
});
