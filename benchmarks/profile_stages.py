#!/usr/bin/env python3
"""Shares of a plansim Monte Carlo run's JFR execution samples per stage (docs/PERFORMANCE.md, "per stage").

Each sample goes to the innermost (top-most) frame of its stack that names a stage, so time in a library called
by a stage (Commons Math's erfInv under a parameter draw) counts for that stage. Within the draws it also splits
the parameter inverse CDFs from the annual shocks and events (PathBlock.draw's own loop).

Usage:
  java -XX:StartFlightRecording=filename=/tmp/mc.jfr,settings=profile -jar app/target/plansim.jar \
      mc yiwu/baseline --paths 1000000 --seed 1 --quiet --format json --threads 1 > /tmp/mc.json
  jfr print --events jdk.ExecutionSample --stack-depth 64 /tmp/mc.jfr > /tmp/samples.txt
  python3 benchmarks/profile_stages.py /tmp/samples.txt
"""
import collections
import re
import sys

STAGES = [  # (stage, pattern on 'package.Class.method'), tried in this order on each frame from the top down
    ("kernel", r"io\.plansim\.kernel\.ProjectionKernel\."),
    ("check", r"io\.plansim\.runner\.PathCheck\."),
    ("moments", r"io\.plansim\.aggregate\.Moments\."),
    ("percentiles", r"io\.plansim\.aggregate\.Quantiles"),
    ("targets", r"io\.plansim\.(aggregate\.PathTargets|target\.)"),
    # the spread recalibration moves each drawn path's calibrated cells (a log and an exp each): a stage of its own,
    # tried before the draws since it is called from PathBlock.draw
    ("recalibration", r"io\.plansim\.runner\.CalibratedPaths\."),
    ("draws", r"io\.plansim\.(runner\.PathBlock\.draw|runner\.AnnualShocks|runner\.ParameterPoints|distribution\.|compile\.DriverPaths)"),
    ("path copy into the batch (PathBlock.run)", r"io\.plansim\.runner\.PathBlock\.run"),
]
OTHER = "other (start-up, loading, JIT, output)"
PARAMETER_FRAME = r"io\.plansim\.distribution\.|org\.apache\.commons\.math3\.|ParameterPoints|DriverPaths"


def samples(text):
    """Each sample's frames as 'package.Class.method', top of the stack first."""
    for block in re.findall(r"stackTrace = \[(.*?)\n\s*\]", text, re.S):
        yield [re.sub(r"\(.*", "", f.strip()) for f in block.strip().split("\n") if f.strip() not in ("", "...")]


def stage_of(frames):
    return next((name for f in frames for name, pattern in STAGES if re.match(pattern, f)), OTHER)


def main(path):
    stages, draws, total = collections.Counter(), collections.Counter(), 0
    with open(path, encoding="utf-8") as f:
        for frames in samples(f.read()):
            total += 1
            stage = stage_of(frames)
            stages[stage] += 1
            if stage == "draws":
                draws["parameter inverse CDFs" if re.search(PARAMETER_FRAME, frames[0])
                      else "annual shocks and events (normals, Cholesky product, exp)"] += 1
    for stage, c in stages.most_common():
        print(f"{c:6d}  {100 * c / total:5.1f}%  {stage}")
    for kind, c in draws.most_common():
        print(f"{c:6d}  {100 * c / total:5.1f}%    draws: {kind}")
    print(f"{total:6d}  samples")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
