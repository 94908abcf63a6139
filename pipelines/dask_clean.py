#!/usr/bin/env python3
"""Clean a JSON Lines corpus with `vn-corpus clean` on a Dask cluster; the output equals one `vn-corpus clean INPUT`.

The input is cut into shards on line boundaries. Map: every shard runs `vn-corpus clean --count-lines -` in a
subprocess and returns its line-hash table. Reduce: the tables are summed pairwise on the cluster, in shard order,
so the first sample ids are the corpus's first ones. Map again: every shard runs
`vn-corpus clean --line-counts TABLE -`, so recurring chrome is judged over the whole corpus, not per shard.
The client writes the shards' output in input order and merges their summaries.

    python3 pipelines/dask_clean.py corpus.jsonl -o cleaned.jsonl --workers 4
    python3 pipelines/dask_clean.py corpus.jsonl -o cleaned.jsonl --scheduler tcp://head:8786

Workers need Node, this repository's `dist/cli.js` (or --vn-corpus) and the input path (shared storage).
"""
import argparse
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES_KEPT = 4  # as core/corpus/line-counts.ts
SHARD_BYTES = 256 * 1024 * 1024  # each shard starts two Node processes, so shards are few and large
MIN_USEFUL_COUNT = 2  # settings refuse minFiles under 2, so a count of 1 can never make a line recur


def shard_ranges(path, shards):
    """Byte ranges [start, end) cut at line breaks, with the number of lines before each."""
    size = os.path.getsize(path)
    cuts = [0]
    with open(path, 'rb') as f:
        for i in range(1, shards):
            f.seek(max(size * i // shards, cuts[-1]))
            f.readline()
            cuts.append(min(f.tell(), size))
    cuts.append(size)
    ranges, first_line = [], 0
    with open(path, 'rb') as f:
        for start, end in zip(cuts, cuts[1:]):
            if end <= start:
                continue
            ranges.append((start, end, first_line))
            f.seek(start)
            remaining = end - start
            while remaining > 0:
                chunk = f.read(min(remaining, 1 << 24))
                first_line += chunk.count(b'\n')
                remaining -= len(chunk)
    return ranges


def read_range(path, start, end):
    with open(path, 'rb') as f:
        f.seek(start)
        return f.read(end - start)


def run_clean(command, args, data, cwd, out_file=None):
    """Runs vn-corpus with `data` on stdin; stdout is captured, or written straight to `out_file`."""
    if out_file is None:
        proc = subprocess.run(command + args, input=data, capture_output=True, cwd=cwd if os.path.isdir(cwd) else None)
        wrote = bool(proc.stdout)
    else:
        with open(out_file, 'wb') as out:
            proc = subprocess.run(command + args, input=data, stdout=out, stderr=subprocess.PIPE, cwd=cwd if os.path.isdir(cwd) else None)
        wrote = os.path.getsize(out_file) > 0
    # Exit 2 with output means bad records (reported, passed through); without output it is a usage error.
    if proc.returncode not in (0, 1, 2) or (proc.returncode == 2 and not wrote and data.strip()):
        raise RuntimeError(f'vn-corpus clean {" ".join(args)} exited {proc.returncode}: {proc.stderr.decode(errors="replace")[-2000:]}')
    return proc


def count_shard(command, path, shard, cwd):
    """Map: the line-hash table of one shard, as text."""
    start, end, _ = shard
    return run_clean(command, ['clean', '--count-lines', '-'], read_range(path, start, end), cwd).stdout.decode('utf-8')


def parse_table(text):
    records, rows = 0, {}
    for line in text.splitlines():
        if not line.strip():
            continue
        value = json.loads(line)
        if isinstance(value, dict):
            records += value['records']
        else:
            rows[value[0]] = (value[1], value[2:])
    return records, rows


def merge_tables(left, right):
    """Reduce: two tables summed; `left` covers the earlier shards, so its sample ids come first."""
    records_l, rows = parse_table(left)
    records_r, rows_r = parse_table(right)
    for h, (count, ids) in rows_r.items():
        old = rows.get(h)
        rows[h] = (count, ids) if old is None else (old[0] + count, (old[1] + ids)[:SAMPLES_KEPT])
    return format_table(records_l + records_r, rows, 1)


def format_table(records, rows, min_count):
    out = [json.dumps({'vnCorpusLineCounts': 1, 'records': records}, separators=(',', ':')) + '\n']
    for h in sorted(rows):
        count, ids = rows[h]
        if count >= min_count:
            out.append(json.dumps([h, count, *ids], separators=(',', ':'), ensure_ascii=False) + '\n')
    return ''.join(out)


def prune(table):
    """The final table: rows that can never make a line recur are dropped (also when there was one shard)."""
    records, rows = parse_table(table)
    return format_table(records, rows, MIN_USEFUL_COUNT)


_TABLES = {}


def clean_shard(command, path, shard, table, extra, cwd, part_file=None):
    """Map: one shard cleaned with the corpus table; returns its output (None when written to `part_file`), exit code, stderr and summary."""
    start, end, first_line = shard
    digest = hashlib.sha1(table.encode('utf-8')).hexdigest()
    table_file = _TABLES.get(digest)
    if table_file is None or not os.path.exists(table_file):
        fd, table_file = tempfile.mkstemp(prefix='vn-corpus-counts-', suffix='.jsonl')
        with os.fdopen(fd, 'w', encoding='utf-8') as f:
            f.write(table)
        _TABLES[digest] = table_file
    fd, summary_file = tempfile.mkstemp(prefix='vn-corpus-summary-', suffix='.json')
    os.close(fd)
    try:
        proc = run_clean(command, ['clean', '--line-counts', table_file, '--summary-json', summary_file, *extra, '-'], read_range(path, start, end), cwd, part_file)
        with open(summary_file, encoding='utf-8') as f:
            summary = json.load(f)
    finally:
        os.unlink(summary_file)
    return (None if part_file else proc.stdout), proc.returncode, relocate(proc.stderr.decode('utf-8', errors='replace'), path, first_line), summary


def relocate(stderr, path, first_line):
    """Shard line numbers (`stdin:N`) become the input's (`INPUT:M`); per-shard notes and summaries are dropped."""
    out = []
    for line in stderr.splitlines():
        if line.startswith('clean: '):
            continue
        if line.startswith('vn-corpus: stdin:'):
            head, _, rest = line[len('vn-corpus: stdin:'):].partition(':')
            if head.isdigit():
                line = f'vn-corpus: {path}:{int(head) + first_line}:{rest}'
        out.append(line)
    return '\n'.join(out)


def merge_summaries(summaries, seconds):
    total = {'records': 0, 'bad': 0, 'linesRemoved': {}, 'spansRemoved': {}}
    for s in summaries:
        total['records'] += s['records']
        total['bad'] += s['bad']
        for key in ('linesRemoved', 'spansRemoved'):
            for rule, n in s[key].items():
                total[key][rule] = total[key].get(rule, 0) + n
    for key in ('linesRemoved', 'spansRemoved'):
        total[key] = dict(sorted(total[key].items()))
    total['seconds'] = round(seconds, 2)
    return total


def summary_line(s, workers, shards):
    lines = sum(s['linesRemoved'].values())
    by_rule = ', '.join(f'{rule} {n}' for rule, n in s['linesRemoved'].items())
    return (f"clean: {s['records']} records ({s['bad']} bad), {lines} lines removed" + (f' ({by_rule})' if by_rule else '')
            + f", {s['seconds']:.2f} s on {workers} workers, {shards} shards, {s['records'] / max(s['seconds'], 1e-9):.0f} records/s")


def tree_reduce(client, futures):
    """Sums the tables pairwise on the cluster, keeping shard order, then drops the rows that cannot matter."""
    while len(futures) > 1:
        pairs = [client.submit(merge_tables, a, b, pure=False) for a, b in zip(futures[::2], futures[1::2])]
        futures = pairs + ([futures[-1]] if len(futures) % 2 else [])
    return client.submit(prune, futures[0], pure=False)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('input', help='JSON Lines corpus, one {"id", "text", …} record per line')
    p.add_argument('-o', '--output', required=True, help='cleaned JSON Lines, in input order')
    p.add_argument('--workers', type=int, default=os.cpu_count() or 1, help='local workers (ignored with --scheduler)')
    p.add_argument('--shards', type=int, default=0, help='number of shards (default: 2 per worker, and at most 256 MB each)')
    p.add_argument('--scheduler', help='address of a running Dask scheduler instead of a LocalCluster')
    p.add_argument('--vn-corpus', default=f'node {shlex.quote(os.path.join(REPO, "dist", "cli.js"))}', help='command that runs vn-corpus')
    p.add_argument('--tier', choices=['certain', 'probable', 'weak'], help='passed to clean')
    p.add_argument('--summary-json', help='also write the merged summary as JSON')
    p.add_argument('--parts-dir', help='folder on storage the workers and this client share, for shard outputs '
                   '(default with a LocalCluster: a temporary folder; with --scheduler and no --parts-dir, outputs travel through Dask)')
    p.add_argument('--line-counts-out', help='also write the corpus line counts the cluster computed')
    args = p.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    started = time.perf_counter()
    command = shlex.split(args.vn_corpus)
    path = os.path.abspath(args.input)
    cwd = os.getcwd()
    extra = ['--tier', args.tier] if args.tier else []
    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(args.scheduler or cluster)
    try:
        workers = len(client.scheduler_info()['workers'])
        shards = shard_ranges(path, args.shards or max(2 * max(workers, 1), -(-os.path.getsize(path) // SHARD_BYTES)))
        tables = [client.submit(count_shard, command, path, s, cwd, pure=False) for s in shards]
        table = tree_reduce(client, tables) if tables else client.submit(prune, format_table(0, {}, 1), pure=False)
        if args.line_counts_out:
            with open(args.line_counts_out, 'w', encoding='utf-8') as f:
                f.write(table.result())
        parts = args.parts_dir or (None if args.scheduler else tempfile.mkdtemp(prefix='vn-corpus-parts-'))
        if parts:
            os.makedirs(parts, exist_ok=True)
        part_files = [os.path.join(parts, f'shard-{i:05d}.jsonl') if parts else None for i in range(len(shards))]
        outputs = [client.submit(clean_shard, command, path, s, table, extra, cwd, part, pure=False) for s, part in zip(shards, part_files)]
        codes, summaries = [], []
        with open(args.output, 'wb') as out:
            for future, part in zip(outputs, part_files):  # in shard order; each result is released once written
                data, code, stderr, summary = future.result()
                future.release()
                if part:
                    with open(part, 'rb') as f:
                        shutil.copyfileobj(f, out, 1 << 22)
                    os.unlink(part)
                else:
                    out.write(data)
                if stderr:
                    sys.stderr.write(stderr + '\n')
                codes.append(code)
                summaries.append(summary)
        total = merge_summaries(summaries, time.perf_counter() - started)
        total.update(workers=workers, shards=len(shards))
        sys.stderr.write(summary_line(total, workers, len(shards)) + '\n')
        if args.summary_json:
            with open(args.summary_json, 'w', encoding='utf-8') as f:
                json.dump(total, f)
                f.write('\n')
        if parts and not args.parts_dir:
            shutil.rmtree(parts, ignore_errors=True)
        return 2 if 2 in codes else 1 if 1 in codes else 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == '__main__':
    try:
        sys.exit(main())
    except Exception as error:  # a failed shard or an unreadable input: exit 2 as vn-corpus does, not 1 ("found")
        sys.stderr.write(f'dask_clean.py: {type(error).__name__}: {error}\n')
        sys.exit(2)
