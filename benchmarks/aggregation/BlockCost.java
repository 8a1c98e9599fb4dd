import io.plansim.service.*;
import io.plansim.runner.*;
import io.plansim.aggregate.*;
import java.lang.management.*;
/**
 * CPU of a Monte Carlo block's aggregation alone (McAggregates: target counts, moments, the batch and the percentile
 * bins), per path, on the first 2,048 real paths of the Yiwu baseline (seed 1) copied in turn into one kernel buffer
 * as the runner hands them: blocks 2-65 of a million-path run (counted in the bins) and blocks 128-191 (past the
 * 262,144 counted paths: moments and targets only); the copy into the buffer (880 values) is in the figures. Prints
 * each repetition and the best after two warm-up ones.
 * Usage: java -cp app/target/plansim.jar benchmarks/aggregation/BlockCost.java REPS (docs/PERFORMANCE.md, session 7)
 */
public class BlockCost {
  public static void main(String[] a) throws Exception {
    int reps = Integer.parseInt(a[0]);
    var p = Forecasts.onClasspath().prepare(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline")));
    var c = p.compiled();
    int n = c.years(); int rows = c.rows();
    int[] all = new int[rows]; for (int i = 0; i < rows; i++) all[i] = i;
    int P = 2048;
    double[][][] d = PathDraws.draw(c, P, 1, all);
    double[][] paths = new double[P][rows * n];
    for (int q = 0; q < P; q++) for (int r = 0; r < rows; r++) System.arraycopy(d[r][q], 0, paths[q], r * n, n);
    double[] out = new double[rows * n];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double bestC = 1e9, bestU = 1e9;
    for (int rep = 0; rep < reps; rep++) {
      McAggregates s = McAggregates.of(c, 1_000_000, 2048, p.judged());
      for (int b = 0; b < 2; b++) { var blk = s.block(b * 2048L, 2048); for (int q = 0; q < 2048; q++) { System.arraycopy(paths[q], 0, out, 0, out.length); blk.accept(b * 2048L + q, out); } blk.finish(); s.merge(blk); }
      s.leadingMerged();
      long t0 = mx.getCurrentThreadCpuTime();
      for (int b = 2; b < 66; b++) { var blk = s.block(b * 2048L, 2048); for (int q = 0; q < 2048; q++) { System.arraycopy(paths[(q + b) % P], 0, out, 0, out.length); blk.accept(b * 2048L + q, out); } blk.finish(); s.merge(blk); }
      long t1 = mx.getCurrentThreadCpuTime();
      for (int b = 128; b < 192; b++) { var blk = s.block(b * 2048L, 2048); for (int q = 0; q < 2048; q++) { System.arraycopy(paths[(q + b) % P], 0, out, 0, out.length); blk.accept(b * 2048L + q, out); } blk.finish(); s.merge(blk); }
      long t2 = mx.getCurrentThreadCpuTime();
      double cu = (t1 - t0) / 1e3 / (64 * 2048.0), uu = (t2 - t1) / 1e3 / (64 * 2048.0);
      if (rep >= 2) { bestC = Math.min(bestC, cu); bestU = Math.min(bestU, uu); }
      System.out.printf("counted %.3f  uncounted %.3f us/path%n", cu, uu);
    }
    System.out.printf("best (after 2 warm-up reps): counted %.3f uncounted %.3f us/path%n", bestC, bestU);
  }
}
