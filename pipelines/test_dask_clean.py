"""The Dask pipeline on a LocalCluster equals one `vn-corpus clean` process: run by pipelines/test.sh."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dask_clean  # noqa: E402

REPO = dask_clean.REPO
CLI = ['node', os.path.join(REPO, 'dist', 'cli.js')]
RECORDS = 2000
WORKERS = 3
SHARDS = 7
CHROME = 'Đọc báo in hôm nay'


def records_of(data):
    out = []
    for line in data.splitlines():
        try:
            out.append(json.loads(line))
        except ValueError:
            out.append(None)
    return out


class DaskCleanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='vn-corpus-dask-')
        cls.input = os.path.join(cls.tmp, 'corpus.jsonl')
        with open(cls.input, 'wb') as f:
            subprocess.run(['node', os.path.join(REPO, 'pipelines', 'make-records.mjs'), str(RECORDS), '--bad'], stdout=f, check=True)
        single_summary = os.path.join(cls.tmp, 'single-summary.json')
        cls.single = subprocess.run(CLI + ['clean', '--summary-json', single_summary, cls.input], capture_output=True, cwd=cls.tmp)
        with open(single_summary, encoding='utf-8') as f:
            cls.single_summary = json.load(f)
        cls.single_counts = subprocess.run(CLI + ['clean', '--count-lines', cls.input], capture_output=True, cwd=cls.tmp, check=False).stdout.decode('utf-8')
        cls.output = os.path.join(cls.tmp, 'dask.jsonl')
        cls.counts = os.path.join(cls.tmp, 'dask-counts.jsonl')
        cls.summary = os.path.join(cls.tmp, 'dask-summary.json')
        argv = [cls.input, '-o', cls.output, '--workers', str(WORKERS), '--shards', str(SHARDS), '--vn-corpus', ' '.join(CLI),
                '--summary-json', cls.summary, '--line-counts-out', cls.counts]
        cls.dask = subprocess.run([sys.executable, os.path.join(REPO, 'pipelines', 'dask_clean.py'), *argv], capture_output=True, cwd=cls.tmp)
        sys.stderr.write(cls.dask.stderr.decode('utf-8', errors='replace').splitlines()[-1] + '\n' if cls.dask.stderr else '')

    def test_output_equals_a_single_process_run_byte_for_byte(self):
        with open(self.output, 'rb') as f:
            dask_out = f.read()
        self.assertEqual(self.single.returncode, 2, 'the bad records make the single run exit 2')
        self.assertEqual(self.dask.returncode, self.single.returncode, self.dask.stderr.decode(errors='replace')[-2000:])
        self.assertEqual(len(dask_out.splitlines()), RECORDS)
        self.assertTrue(dask_out == self.single.stdout, 'Dask output differs from the single-process output')

    def test_recurrence_is_counted_over_the_corpus_not_per_shard(self):
        with open(self.input, encoding='utf-8') as f:
            texts = {r['id']: r.get('text') for r in records_of(f.read()) if r}
        with open(self.output, encoding='utf-8') as f:
            out = [r for r in records_of(f.read()) if r and 'findings' in r]
        holding = [r for r in out if CHROME in (texts[r['id']] or '')]
        messages = {f['message'] for r in holding for f in r['findings'] if texts[r['id']][f['start']:f['end']] == CHROME}
        self.assertEqual(messages, {f'Appears in {len(holding)} files of the corpus'})
        # Every shard holds only a share of those records, so a count per shard could not say this.
        self.assertGreater(len(holding), len(holding) // SHARDS + 1)

    def test_the_cluster_line_counts_equal_the_single_process_counts(self):
        with open(self.counts, encoding='utf-8') as f:
            dask_table = f.read()
        self.assertEqual(dask_table, dask_clean.prune(self.single_counts))
        self.assertGreater(len(dask_table.splitlines()), 20, "the seeds share many lines across records")

    def test_summary_is_merged_and_bad_records_keep_their_input_line_numbers(self):
        with open(self.summary, encoding='utf-8') as f:
            merged = json.load(f)
        for key in ('records', 'bad', 'linesRemoved', 'spansRemoved'):
            self.assertEqual(merged[key], self.single_summary[key], key)
        self.assertEqual(merged['records'], RECORDS)
        stderr = self.dask.stderr.decode('utf-8')
        self.assertIn(f'{self.input}:997: not JSON', stderr)
        self.assertIn(f'{self.input}:1499: no "text" string', stderr)
        self.assertIn(f'clean: {RECORDS} records (3 bad)', stderr)


if __name__ == '__main__':
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f'# pass {result.testsRun - failed}')
    print(f'# fail {failed}')
    sys.exit(1 if failed else 0)
