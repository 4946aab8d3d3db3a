import { describe, expect, it } from 'vitest';
import { globBase, globToRegExp, hasGlob } from '../../src/core/glob.js';

const matches = (pattern: string, path: string) => globToRegExp(pattern).test(path);

describe('globToRegExp', () => {
  it('keeps * and ? within one folder and lets ** span none or many folders', () => {
    expect(matches('**/agg_*.json', 'a/b/agg_x.json')).toBe(true);
    expect(matches('**/agg_*.json', 'agg_x.json')).toBe(true);
    expect(matches('agg_*.json', 'a/agg_x.json')).toBe(false);
    expect(matches('?.csv', 'a.csv')).toBe(true);
    expect(matches('?.csv', 'ab.csv')).toBe(false);
    expect(matches('a/**/b.json', 'a/b.json')).toBe(true);
    expect(matches('a/**/b.json', 'a/c/d/b.json')).toBe(true);
  });

  it('reads the changelog gate default and the deeper --configs globs', () => {
    expect(matches('configs/*-master.yaml', 'configs/amd-master.yaml')).toBe(true);
    expect(matches('configs/*-master.yaml', 'configs/deprecated/amd-master.yaml')).toBe(false);
    expect(matches('configs/**/*-master.yaml', 'configs/deprecated/amd-master.yaml')).toBe(true);
    expect(matches('configs/**/*-master.yaml', 'configs/amd-master.yaml')).toBe(true);
    expect(matches('configs/[an]*-master.yaml', 'configs/nvidia-master.yaml')).toBe(true);
    expect(matches('configs/[an]*-master.yaml', 'configs/intel-master.yaml')).toBe(false);
  });

  it('expands brace alternation, nested too', () => {
    expect(matches('agg_{a,b}.json', 'agg_b.json')).toBe(true);
    expect(matches('agg_{a,b}.json', 'agg_c.json')).toBe(false);
    expect(matches('*.{json,csv}', 'x.csv')).toBe(true);
    expect(matches('{a,{b,c}}.json', 'c.json')).toBe(true);
    expect(matches('a/{b,c/d}/e.json', 'a/c/d/e.json')).toBe(true);
    expect(matches('a/{b,c/d}/e.json', 'a/c/e.json')).toBe(false);
  });

  it('reads [!a] as a negated class, as a shell does', () => {
    expect(matches('agg_[!a].json', 'agg_a.json')).toBe(false);
    expect(matches('agg_[!a].json', 'agg_x.json')).toBe(true);
    expect(matches('agg_[!a].json', 'agg_!.json')).toBe(true);
  });

  it('matches dotfiles and dot folders with * and **', () => {
    expect(matches('**/*.json', '.hidden.json')).toBe(true);
    expect(matches('**/*.json', 'a/.cache/x.json')).toBe(true);
    expect(matches('*', '.env')).toBe(true);
  });

  it('takes other characters literally: dots, a leading !, parentheses, + and |', () => {
    expect(matches('a.json', 'aXjson')).toBe(false);
    expect(matches('!x.json', '!x.json')).toBe(true);
    expect(matches('!x.json', 'y.json')).toBe(false);
    expect(matches('a+(b).json', 'a+(b).json')).toBe(true);
    expect(matches('a+(b).json', 'ab.json')).toBe(false);
    expect(matches('a|b.json', 'a|b.json')).toBe(true);
    expect(matches('a|b.json', 'a')).toBe(false);
    expect(matches('run (1)/*.json', 'run (1)/agg.json')).toBe(true);
    expect(matches('a$b^c.json', 'a$b^c.json')).toBe(true);
  });
});

describe('hasGlob and globBase', () => {
  it('tells a glob from a path', () => {
    expect(hasGlob('results/agg_*.json')).toBe(true);
    expect(hasGlob('results/{a,b}')).toBe(true);
    expect(hasGlob('results/agg (1).json')).toBe(false);
  });

  it('finds the folder a search can start from', () => {
    expect(globBase('configs/**/*-master.yaml')).toBe('configs');
    expect(globBase('a/b/*.json')).toBe('a/b');
    expect(globBase('*.yaml')).toBe('');
  });
});
