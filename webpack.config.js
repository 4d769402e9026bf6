// Builds the add-in into dist/: the task pane (with the ribbon commands and the custom functions in
// the same shared-runtime page), functions.json from the JSDoc of src/functions/functions.ts, the
// icons and the manifest.
//   npm run build                                   → dist/ for https://localhost:3000/
//   npm run build -- --env urlProd=https://host/path/ → dist/manifest.xml points at the real host
//   npm run dev-server                              → https://localhost:3000 with dev certificates
"use strict";
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const FUNCTIONS_FILE = "./src/functions/functions.ts";

/** Every development URL in the manifest, not only the first (the template's replace() trap). */
function manifestFor(content, urlProd) {
  const text = content.toString();
  if (!urlProd) return text;
  const base = urlProd.endsWith("/") ? urlProd : `${urlProd}/`;
  // The AppDomain entry is an origin without a path.
  return text
    .replace(/https:\/\/localhost:3000\//g, base)
    .replace(/https:\/\/localhost:3000(?=[<"])/g, new URL(base).origin);
}

async function httpsOptions() {
  // Only when serving: a production build must not need certificates. On Linux they stay in the
  // user's home, with no system-wide install (no sudo): scripts/devCerts.js.
  return require("./scripts/devCerts").devServerHttpsOptions();
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);
  const hasFunctions = fs.existsSync(path.resolve(__dirname, FUNCTIONS_FILE));
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, "dist");
  // No deployable build with a placeholder support link: scripts/checkManifest.js.
  if (!dev)
    require("./scripts/checkManifest").checkSupportUrl(
      path.join(__dirname, "manifest.xml"),
      env.urlProd,
    );

  // Shared runtime: the page loads one bundle ("app") with the pane, the ribbon commands and the
  // custom functions, so the engine is shipped once. functions.js is also emitted on its own: it is
  // the Script URL the manifest names for the custom functions.
  const pageModules = ["./src/taskpane/taskpane.ts", "./src/commands/commands.ts"];
  if (hasFunctions) pageModules.push(FUNCTIONS_FILE);
  const entry = { app: pageModules };
  if (hasFunctions) entry.functions = FUNCTIONS_FILE;

  return {
    devtool: dev ? "source-map" : false,
    entry,
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: "tsconfig.json" },
          },
        },
        { test: /\.css$/, type: "asset/resource", generator: { filename: "[name][ext]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      ...(hasFunctions
        ? [new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_FILE })]
        : []),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page hosts the pane, the ribbon commands and the custom functions.
        chunks: ["app"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => manifestFor(content, env.urlProd),
          },
        ],
      }),
    ],
    devServer: {
      hot: false,
      // Reachable from this computer only: the pane is a development build.
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: serving ? { type: "https", options: await httpsOptions() } : "http",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: outDir },
    },
  };
};

module.exports.manifestFor = manifestFor;
