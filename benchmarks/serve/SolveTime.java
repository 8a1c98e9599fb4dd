import io.plansim.runner.McOptions;
import io.plansim.service.Forecasts;
import io.plansim.service.ScenarioSource;

/**
 * Wall clock of the what-if page's "What would it take?" with a probability, in-process and warm, as the server runs it
 * (Forecasts.solve: yiwu2035.gdp_nominal.2035, production.tfpGrowth, P 0.8, seed 1), at 2,000 and 10,000 paths, four
 * times each, alternating (docs/PERFORMANCE.md, session 9). Usage, against the application jar:
 *   javac -cp app/target/plansim.jar -d /tmp/serve benchmarks/serve/SolveTime.java
 *   java -cp app/target/plansim.jar:/tmp/serve SolveTime
 */
public class SolveTime {
    public static void main(String[] args) {
        var pool = io.plansim.runner.Workers.fixed(2);
        var service = Forecasts.onClasspath(pool).reusingDraws(64L << 20);
        for (long paths : new long[] {2000, 10000, 2000, 10000, 2000, 10000, 2000, 10000}) {
            long t0 = System.nanoTime();
            var s = service.solve(Forecasts.Request.of(ScenarioSource.builtIn("yiwu/baseline")), "yiwu2035.gdp_nominal.2035",
                    "production.tfpGrowth", 0.8, McOptions.of(paths, 1));
            System.out.printf("%d paths: %.0f ms, %d runs, value %.6f%n", paths, (System.nanoTime() - t0) / 1e6,
                    s.result().iterations(), s.result().value());
        }
        pool.shutdownNow();
    }
}
