import io.plansim.aggregate.*;
import io.plansim.runner.*;
import io.plansim.service.*;
import java.util.concurrent.*;
/**
 * In-process thread scaling of the Yiwu baseline's Monte Carlo, no JVM start-up: wall clock of N paths on a 1-thread
 * and a 2-thread pool, into a trivial sink (one value summed) and into the full aggregates, 6 rounds, new seed each
 * round (docs/PERFORMANCE.md, session 9). Usage, against the application jar:
 *   javac -cp app/target/plansim.jar -d /tmp/scale benchmarks/scaling/InProcessScale.java
 *   java -cp app/target/plansim.jar:/tmp/scale InProcessScale 400000
 */
public class InProcessScale {
  static final class Sum implements PathSink<Sum.B> {
    double s;
    final class B implements PathSink.Block { double s; public void accept(long p, double[] out) { s += out[5]; } public void finish() {} }
    public B block(long f, int c) { return new B(); }
    public void merge(B b) { s += b.s; }
  }
  public static void main(String[] a) throws Exception {
    var prep = Forecasts.onClasspath().prepare(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline")));
    var c = prep.compiled();
    ExecutorService one = Workers.fixed(1), two = Workers.fixed(2);
    long paths = Long.parseLong(a[0]);
    for (int r = 0; r < 6; r++) {
      for (String mode : new String[] {"trivial", "full"}) {
        double[] t = new double[3];
        for (int th = 1; th <= 2; th++) {
          McOptions o = new McOptions(paths, 1 + r, Sampler.MC, th, McOptions.DEFAULT_BLOCK);
          RunControl ctl = RunControl.on(th == 1 ? one : two);
          long t0 = System.nanoTime();
          if (mode.equals("trivial")) MonteCarloRunner.run(c, o, new Sum(), ctl);
          else MonteCarloRunner.summarise(c, o, prep.judged(), ctl);
          t[th] = (System.nanoTime() - t0) / 1e9;
        }
        System.out.printf("round %d %-8s 1 thread %.2f s, 2 threads %.2f s, speed-up %.2f%n", r, mode, t[1], t[2], t[1] / t[2]);
      }
    }
    one.shutdownNow(); two.shutdownNow();
  }
}
