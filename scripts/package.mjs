// Packages the extension into build/vn-news-corpus.vsix with vsce (dependencies are bundled, so none are shipped).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('build', { recursive: true });
execFileSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--out', 'build/vn-news-corpus.vsix'], { stdio: ['ignore', 'inherit', 'inherit'] });
