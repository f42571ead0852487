// The sections in the order they run; each plugs in with { id, title, target, plan(context) }.
import analyzer from './analyzer.mjs';
import cache from './cache.mjs';
import config from './config.mjs';
import eslint from './eslint.mjs';
import python from './python.mjs';
import shard from './shard.mjs';
import staged from './staged.mjs';
import tokens from './tokens.mjs';

export const SECTIONS = [tokens, staged, eslint, analyzer, config, python, cache, shard];
