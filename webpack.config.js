// Builds the add-in into dist/: the task pane (with the ribbon commands and the custom functions in
// the same shared-runtime page), functions.json from the JSDoc of src/functions/functions.ts and
// functions-vi.json with the Vietnamese names and help of src/functions/functions.vi.json, the
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
const FUNCTIONS_VI_FILE = "./src/functions/functions.vi.json";

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

/** The support URL the manifest names, for the pane's "help" link (one place to set it). */
function supportUrlOf(manifestText) {
  const match = /<SupportUrl\s+DefaultValue="([^"]+)"/.exec(manifestText);
  if (!match) throw new Error("manifest.xml has no <SupportUrl DefaultValue=…>");
  return match[1];
}

/** A custom function's name as Excel accepts it: a letter, then letters, digits, "." or "_". */
const FUNCTION_NAME = /^\p{L}[\p{L}0-9._]*$/u;

/**
 * The functions.json the add-in serves, from the one custom-functions-metadata-plugin generates:
 * descriptions on one line (JSDoc wraps them), and without `allowCustomDataForDataTypeAny` (a
 * CustomFunctionsRuntime 1.4 switch for data types, which these functions do not take).
 */
function servedMetadata(generated) {
  const { allowCustomDataForDataTypeAny: _dataTypes, ...rest } = generated;
  const oneLine = (text) => (typeof text === "string" ? text.replace(/\s+/g, " ").trim() : text);
  return {
    ...rest,
    functions: generated.functions.map((f) => ({
      ...f,
      description: oneLine(f.description),
      parameters: f.parameters.map((p) => ({ ...p, description: oneLine(p.description) })),
    })),
  };
}

/**
 * The metadata of another language (Microsoft's scheme for localised custom functions: the same
 * ids, translated `name` and `description` for each function and parameter). Throws when the
 * translation misses or invents a function or parameter, or gives a name Excel would refuse, so
 * that the two files cannot drift apart.
 */
function localisedMetadata(english, translation) {
  const problems = [];
  const ids = english.functions.map((f) => f.id);
  for (const id of Object.keys(translation)) {
    if (!ids.includes(id)) problems.push(`${id}: not a function of functions.json`);
  }
  const functions = english.functions.map((f) => {
    const t = translation[f.id];
    if (!t) {
      problems.push(`${f.id}: no translation`);
      return f;
    }
    if (!FUNCTION_NAME.test(t.name ?? "") || t.name.normalize("NFC") !== t.name) {
      problems.push(`${f.id}: name "${t.name}" is not a valid custom-function name`);
    }
    if (!t.description) problems.push(`${f.id}: no description`);
    const names = f.parameters.map((p) => p.name);
    for (const name of Object.keys(t.parameters ?? {})) {
      if (!names.includes(name)) problems.push(`${f.id}.${name}: not a parameter`);
    }
    const parameters = f.parameters.map((p) => {
      const tp = (t.parameters ?? {})[p.name];
      if (!tp || !tp.name || !tp.description) {
        problems.push(`${f.id}.${p.name}: no translated name and description`);
        return p;
      }
      return { ...p, name: tp.name, description: tp.description };
    });
    return { ...f, name: t.name, description: t.description, parameters };
  });
  const shown = functions.map((f) => f.name.toUpperCase());
  for (const name of shown) {
    if (shown.indexOf(name) !== shown.lastIndexOf(name)) problems.push(`${name}: used twice`);
  }
  if (problems.length > 0) throw new Error(`${FUNCTIONS_VI_FILE}: ${problems.join("; ")}`);
  return { ...english, functions };
}

/** Rewrites functions.json and adds functions-vi.json once the metadata plugin has made it. */
class LocalisedFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalisedFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "LocalisedFunctionsPlugin",
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS,
        },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          compilation.fileDependencies.add(path.resolve(__dirname, FUNCTIONS_VI_FILE));
          const { RawSource } = compiler.webpack.sources;
          try {
            const english = servedMetadata(JSON.parse(asset.source.source().toString()));
            const translation = JSON.parse(
              fs.readFileSync(path.resolve(__dirname, FUNCTIONS_VI_FILE), "utf8"),
            );
            const vietnamese = localisedMetadata(english, translation);
            compilation.updateAsset(
              "functions.json",
              new RawSource(JSON.stringify(english, null, 2)),
            );
            compilation.emitAsset(
              "functions-vi.json",
              new RawSource(JSON.stringify(vietnamese, null, 2)),
            );
          } catch (error) {
            compilation.errors.push(new compiler.webpack.WebpackError(String(error.message)));
          }
        },
      );
    });
  }
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
  const supportUrl = supportUrlOf(fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8"));
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
  // register.ts requires functions.ts only where the custom-functions runtime is.
  if (hasFunctions) pageModules.push("./src/functions/register.ts");
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
        ? [
            new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_FILE }),
            new LocalisedFunctionsPlugin(),
          ]
        : []),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page hosts the pane, the ribbon commands and the custom functions.
        chunks: ["app"],
        scriptLoading: "defer",
        supportUrl,
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
module.exports.supportUrlOf = supportUrlOf;
module.exports.servedMetadata = servedMetadata;
module.exports.localisedMetadata = localisedMetadata;
