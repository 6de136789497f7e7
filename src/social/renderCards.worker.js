// @ts-check
// A worker thread runs plain JavaScript: the build reads its TypeScript through Docusaurus' loader, which a worker
// does not inherit. Renders each {svg, file} of workerData.cards to a PNG with the fonts it is given.
const {workerData} = require('node:worker_threads');
const {mkdirSync, writeFileSync} = require('node:fs');
const path = require('node:path');
const {Resvg} = require('@resvg/resvg-js');

const font = {fontFiles: workerData.fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans'};
for (const {svg, file} of workerData.cards) {
  mkdirSync(path.dirname(file), {recursive: true});
  writeFileSync(file, new Resvg(svg, {font}).render().asPng());
}
