import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-output/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/taskpane/**", "src/commands/**", "src/functions/**", "src/excel/**"],
    languageOptions: {
      globals: {
        ...globals.browser,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeRuntime: "readonly",
      },
    },
  },
  {
    // Workbook text reaches the page only as text: no HTML sinks anywhere in the product.
    files: ["src/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Use textContent: workbook text is never HTML." },
        { property: "outerHTML", message: "Use textContent: workbook text is never HTML." },
        { property: "insertAdjacentHTML", message: "Build elements and set textContent." },
        { object: "document", property: "write", message: "Build elements and set textContent." },
      ],
    },
  },
  {
    // The engine is pure: no Office, no ExcelJS, no file system, no DOM.
    files: ["src/domain/**"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "exceljs",
                "fs",
                "node:*",
                "path",
                "office-*",
                "@microsoft/*",
                "../excel/*",
                "../cli/*",
                "../taskpane/*",
                "../functions/*",
                "../commands/*",
              ],
              message: "src/domain stays pure: no Office, ExcelJS, fs or DOM.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "CustomFunctions",
        "OfficeRuntime",
        "document",
        "window",
        "process",
        "require",
        "fetch",
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
);
