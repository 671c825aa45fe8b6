// Two builds: 'addin' (task pane + ribbon commands, served over https on 3000 for Excel) and
// 'demo' (the web page, dist/web: the task pane beside a rendered sheet over the clerk's own .xlsx or the sample; no network at all;
// sw.js, its service worker, keeps it working offline once loaded).
// `npm run build` builds both; the browser test builds only `--config-name demo`.

'use strict';

const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const PROD_URL = 'https://order-clerk.example.com/';

const root = __dirname;
const at = (...p) => path.join(root, ...p);
const exists = (p) => fs.existsSync(at(p));

function modeFromArgv() {
  const i = process.argv.indexOf('--mode');
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith('--mode='));
  return eq ? eq.slice('--mode='.length) : process.env.NODE_ENV === 'production' ? 'production' : 'development';
}

/** Names given with --config-name (all configs when none). */
function configNamesFromArgv() {
  const names = [];
  process.argv.forEach((a, i) => {
    if (a === '--config-name' && process.argv[i + 1]) names.push(process.argv[i + 1]);
    else if (a.startsWith('--config-name=')) names.push(a.slice('--config-name='.length));
  });
  return names;
}

/** Shared TypeScript handling: ts-loader with the project tsconfig (module ESNext), types checked by `npm run typecheck`. */
function common(mode) {
  return {
    mode,
    // No eval-based source maps: the pages' Content-Security-Policy allows no 'unsafe-eval'.
    devtool: mode === 'production' ? false : 'cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs'],
      // ExcelJS's "browser" field points at its prebuilt bundle, which needs no Node polyfills.
      mainFields: ['browser', 'module', 'main'],
      aliasFields: ['browser'],
      fallback: {
        fs: false,
        path: false,
        stream: false,
        crypto: false,
        util: false,
        buffer: false,
        os: false,
        zlib: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: at('tsconfig.json') } },
        },
      ],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

function manifestUrl(mode) {
  if (process.env.ADDIN_URL)
    return process.env.ADDIN_URL.endsWith('/') ? process.env.ADDIN_URL : `${process.env.ADDIN_URL}/`;
  return mode === 'production' ? PROD_URL : DEV_URL;
}

function addinConfig(mode) {
  const entry = { taskpane: at('src/taskpane/index.tsx') };
  const plugins = [
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: at('src/taskpane/taskpane.html'),
      chunks: ['taskpane'],
    }),
  ];
  // The ribbon commands belong to the Office.js adapter's owner; build them when they are there.
  const commandsEntry = ['src/commands/commands.ts', 'src/commands/commands.tsx'].find(exists);
  if (commandsEntry) {
    entry.commands = at(commandsEntry);
    plugins.push(
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: at('src/commands/commands.html'),
        chunks: ['commands'],
      }),
    );
  }
  // The self-test page for real Excel (manifest.selftest.xml): the adapter and the checks, no React.
  if (exists('src/selftest/index.ts')) {
    entry.selftest = at('src/selftest/index.ts');
    plugins.push(
      new HtmlWebpackPlugin({
        filename: 'selftest.html',
        template: at('src/selftest/selftest.html'),
        chunks: ['selftest'],
      }),
    );
  }
  const url = manifestUrl(mode);
  const patterns = [];
  if (exists('assets')) patterns.push({ from: at('assets'), to: 'assets', noErrorOnMissing: true });
  for (const manifest of ['manifest.xml', 'manifest.selftest.xml'].filter(exists)) {
    patterns.push({
      from: at(manifest),
      to: manifest,
      transform: (content) => content.toString().split(DEV_URL).join(url),
    });
  }
  if (patterns.length) plugins.push(new CopyWebpackPlugin({ patterns }));
  return {
    ...common(mode),
    name: 'addin',
    entry,
    output: { path: at('dist'), filename: '[name].js', clean: false },
    plugins,
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: at('dist') },
      hot: false,
      liveReload: true,
    },
  };
}

/**
 * Writes the demo build's file list into its service worker (src/demo/serviceWorker.ts → sw.js): every emitted file
 * but sw.js itself (index.html, demo.js, each on-demand chunk), and a version hashed from their names and contents,
 * so a new build caches under a new name and drops the old cache. Runs after minifying and after index.html is made.
 */
class OfflinePrecachePlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('OfflinePrecachePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'OfflinePrecachePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const sw = compilation.getAsset('sw.js');
          if (!sw) return;
          const files = compilation
            .getAssets()
            .map((a) => a.name)
            .filter((n) => n !== 'sw.js' && !/\.(map|LICENSE\.txt)$/.test(n))
            .sort();
          const hash = require('crypto').createHash('sha256');
          for (const f of files) hash.update(f).update(compilation.getAsset(f).source.buffer());
          const precache = JSON.stringify({ version: hash.digest('hex').slice(0, 16), files });
          const code = sw.source.source().toString();
          if (!code.includes('__ORDER_CLERK_PRECACHE__')) throw new Error('sw.js lost its __ORDER_CLERK_PRECACHE__');
          compilation.updateAsset(
            'sw.js',
            new sources.RawSource(code.split('__ORDER_CLERK_PRECACHE__').join(precache)),
          );
        },
      );
    });
  }
}

function demoConfig(mode) {
  return {
    ...common(mode),
    name: 'demo',
    // sw: the service worker (offline use once loaded), never loaded by index.html itself.
    entry: { demo: at('src/demo/index.tsx'), sw: at('src/demo/serviceWorker.ts') },
    output: { path: at('dist/web'), filename: '[name].js', clean: true },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: at('src/demo/demo.html'), chunks: ['demo'] }),
      new OfflinePrecachePlugin(),
    ],
    devServer: {
      host: 'localhost',
      port: 8080,
      static: { directory: at('dist/web') },
      hot: false,
      liveReload: true,
      client: { overlay: true },
    },
  };
}

const mode = modeFromArgv();
const configs = [addinConfig(mode), demoConfig(mode)];

// Only `webpack serve` of the add-in needs the Office dev certificate (never a build or a test).
const serving = process.argv.includes('serve');
const names = configNamesFromArgv();
const servesAddin = serving && (names.length === 0 || names.includes('addin'));

if (servesAddin) {
  module.exports = (async () => {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    configs[0].devServer.server = { type: 'https', options };
    return configs;
  })();
} else {
  module.exports = configs;
}
