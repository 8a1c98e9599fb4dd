package io.plansim.runner;

import io.plansim.compile.CompiledUncertainty;
import io.plansim.service.*;
import java.lang.management.*;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.*;
import org.apache.commons.rng.simple.RandomSource;

/**
 * CPU of a path's annual shocks and events alone (AnnualShocks.draw for the Yiwu baseline: 24 shocks x 15 years),
 * against the ziggurat normals alone and the normals with one Math.exp each, per path, 200,000 paths a repetition,
 * 8 repetitions (docs/PERFORMANCE.md, "Where issue 23 stands"). In AnnualShocks's package since the class is
 * package-private; compiled against the jar:
 *   cd benchmarks/draws && javac -d /tmp/shockcost -cp ../../app/target/plansim.jar io/plansim/runner/ShockCost.java \
 *     && java -cp ../../app/target/plansim.jar:/tmp/shockcost io.plansim.runner.ShockCost
 */
public class ShockCost {
  public static void main(String[] a) {
    var p = Forecasts.onClasspath().prepare(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline")));
    var c = p.compiled();
    CompiledUncertainty u = CompiledUncertainty.of(c);
    int n = c.years();
    AnnualShocks s = new AnnualShocks(u);
    System.out.println("shocks k=" + u.shocks() + " events=" + u.eventProbability.length + " factor entries=" + s.factorEntries() + " years=" + n + " tailsDf=" + u.tailsDf);
    UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(new long[] {1, 2, 3, 4});
    ContinuousSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] shocks = c.shocks().clone();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int P = 200_000;
    double sink = 0;
    for (int rep = 0; rep < 8; rep++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int q = 0; q < P; q++) {
        for (int row : u.drawnShockRows) System.arraycopy(c.shocks(), row * n, shocks, row * n, n);
        s.draw(shocks, n, rng, normal, null);
        sink += shocks[q % shocks.length];
      }
      long t1 = mx.getCurrentThreadCpuTime();
      int k = u.shocks();
      for (int q = 0; q < P; q++) {
        for (int t = 1; t < n; t++) for (int j = 0; j < k; j++) sink += normal.sample();
      }
      long t2 = mx.getCurrentThreadCpuTime();
      for (int q = 0; q < P; q++) {
        for (int t = 1; t < n; t++) for (int j = 0; j < k; j++) sink += Math.exp(normal.sample() * 0.05);
      }
      long t3 = mx.getCurrentThreadCpuTime();
      System.out.printf("draw %.3f us/path   normals only %.3f   normals+exp %.3f%n", (t1 - t0) / 1e3 / P, (t2 - t1) / 1e3 / P, (t3 - t2) / 1e3 / P);
    }
    System.out.println(sink);
  }
}
