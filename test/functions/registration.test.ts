/**
 * How Excel learns which JavaScript runs each custom function: custom-functions-metadata-plugin
 * appends one `CustomFunctions.associate(id, fn)` per `@customfunction` to functions.ts when
 * webpack builds it. The source makes none of its own (Office.js would warn DuplicatedName), and
 * the page loads the functions only where the custom-functions runtime is.
 */
import fs from "fs";
import path from "path";
import { builtAddin, removeBuiltAddin } from "./builtAddin";
import { installCustomFunctions, uninstallCustomFunctions } from "./customFunctionsShim";

afterEach(() => {
  uninstallCustomFunctions();
});

afterAll(() => removeBuiltAddin());

describe("registration of the functions", () => {
  it("loads outside Excel without touching CustomFunctions", async () => {
    uninstallCustomFunctions();
    await jest.isolateModulesAsync(async () => {
      await expect(import("../../src/functions/functions")).resolves.toBeDefined();
    });
  });

  it("makes no association in the source: the build appends them", async () => {
    const shim = installCustomFunctions();
    await jest.isolateModulesAsync(async () => {
      await import("../../src/functions/functions");
    });
    expect([...shim.associations.keys()]).toEqual([]);
  });

  it("associates every id of functions.json exactly once in the built page", () => {
    const dir = builtAddin();
    const ids = (
      JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8")) as {
        functions: { id: string }[];
      }
    ).functions.map((f) => f.id);
    const page = fs.readFileSync(path.join(dir, "app.js"), "utf8");
    const associated = [...page.matchAll(/CustomFunctions\.associate\("([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(associated.sort()).toEqual([...ids].sort());
  }, 180_000);

  it("loads the functions into the page only where the custom-functions runtime is", () => {
    for (const runtime of [false, true]) {
      if (runtime) installCustomFunctions();
      else uninstallCustomFunctions();
      let loaded = false;
      jest.isolateModules(() => {
        jest.doMock("../../src/functions/functions", () => {
          loaded = true;
          return {};
        });
        // register.ts requires functions.ts as it loads: load it the same way.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../src/functions/register");
      });
      expect({ runtime, loaded }).toEqual({ runtime, loaded: runtime });
    }
  });
});
