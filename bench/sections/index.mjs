// The sections in the order they run; each plugs in with { id, title, target, plan(context) }.
import staged from './staged.mjs';
import tokens from './tokens.mjs';

export const SECTIONS = [tokens, staged];
