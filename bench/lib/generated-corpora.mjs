// Corpora written by the generators into bench/.work/, rebuilt only when their recipe changes.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeModelFolders } from '../generators/model-folders.mjs';
import { writePythonFiles } from '../generators/python-files.mjs';
import { CORPORA_DIR, WORK_DIR } from './paths.mjs';
import { ensurePackageFolder, listFiles, makeStandaloneRoot, PYTHON_PACKAGE, slug } from './corpora.mjs';

/** Runs `build(dir)` unless `dir` was already built from the same `recipe`; returns the build's summary. */
function buildOnce(dir, recipe, build) {
  const stamp = `${dir}.json`;
  if (existsSync(stamp) && existsSync(dir)) {
    const previous = JSON.parse(readFileSync(stamp, 'utf8'));
    if (JSON.stringify(previous.recipe) === JSON.stringify(recipe)) return previous.summary;
  }
  rmSync(dir, { recursive: true, force: true });
  makeStandaloneRoot(dir);
  const summary = build(dir);
  writeFileSync(stamp, `${JSON.stringify({ recipe, summary }, null, 2)}\n`);
  return summary;
}

export const MODEL_FOLDER_COUNT = 500;

export function ensureModelFolders() {
  const dir = path.join(WORK_DIR, `models-${MODEL_FOLDER_COUNT}`);
  const summary = buildOnce(dir, { generator: 'model-folders', version: 3, count: MODEL_FOLDER_COUNT }, (target) =>
    writeModelFolders(target, MODEL_FOLDER_COUNT),
  );
  return { dir, summary };
}

export const PYTHON_FILE_COUNT = 2000;

/** Real Python (every .py of node-gyp's gyp) topped up with generated model code to PYTHON_FILE_COUNT files. */
export function ensurePythonCorpus(log) {
  const gyp = ensurePackageFolder(PYTHON_PACKAGE, path.join(CORPORA_DIR, 'python'), log);
  const realFiles = listFiles(gyp, (file) => file.endsWith('.py')).sort();
  const dir = path.join(WORK_DIR, `python-${PYTHON_FILE_COUNT}`);
  const recipe = { generator: 'python-files', version: 1, count: PYTHON_FILE_COUNT, real: slug(PYTHON_PACKAGE) };
  const summary = buildOnce(dir, recipe, (target) => {
    for (const file of realFiles) {
      const copy = path.join(target, slug(PYTHON_PACKAGE), path.relative(gyp, file));
      mkdirSync(path.dirname(copy), { recursive: true });
      copyFileSync(file, copy);
    }
    const generated = writePythonFiles(path.join(target, 'generated'), PYTHON_FILE_COUNT - realFiles.length);
    return { real: realFiles.length, generated: generated.count, generatedLines: generated.lines };
  });
  return { dir, summary };
}
