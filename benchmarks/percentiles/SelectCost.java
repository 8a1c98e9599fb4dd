import io.plansim.aggregate.QuantileSubset;
import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * CPU of a what-if page's exact percentiles, apart from the paths: 10,000 paths of 880 value-years in path-major
 * batches of 64 (as McAggregates hands them over), 224 value-years kept (the page's 14 variables x 16 years,
 * QuantileSubset), then the standard percentiles selected on one thread (prepareStandard). Values are lognormal with a
 * spread that grows along each variable's years, like a fan. Prints the thread CPU of the adds and of the selection,
 * best of the last 10 of 30 repetitions (docs/PERFORMANCE.md, session 10). Usage, against the application jar:
 *   javac -cp app/target/plansim.jar -d /tmp/sel benchmarks/percentiles/SelectCost.java
 *   java -cp app/target/plansim.jar:/tmp/sel SelectCost
 */
public class SelectCost {
    public static void main(String[] a) throws Exception {
        int size = 880, years = 16, paths = 10_000, batch = 64;
        int[] columns = new int[224];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = (k / years) * 3 * years + k % years; // every third variable's 16 years
        }
        SplittableRandom r = new SplittableRandom(1);
        double[][] batches = new double[2][batch * size]; // hot in cache, as the batch a block just filled is
        for (double[] b : batches) {
            for (int l = 0; l < batch; l++) {
                for (int i = 0; i < size; i++) {
                    int t = i % years;
                    b[l * size + i] = (100 + i) * Math.exp(0.02 * t * gaussian(r));
                }
            }
        }
        ExecutorService one = Executors.newSingleThreadExecutor();
        var bean = ManagementFactory.getThreadMXBean();
        double bestAdd = Double.MAX_VALUE;
        double bestSelect = Double.MAX_VALUE;
        double check = 0;
        for (int rep = 0; rep < 30; rep++) {
            QuantileSubset q = QuantileSubset.of(size, columns, paths, 2048);
            long[] ids = new long[batch];
            long c0 = bean.getCurrentThreadCpuTime();
            for (int p = 0, k = 0; p < paths; p += batch, k++) {
                int count = Math.min(batch, paths - p);
                for (int l = 0; l < count; l++) {
                    ids[l] = p + l;
                }
                q.addBatch(batches[k % 2], count, ids);
            }
            long c1 = bean.getCurrentThreadCpuTime();
            long s0 = one.submit(bean::getCurrentThreadCpuTime).get();
            q.prepareStandard(one);
            long s = one.submit(bean::getCurrentThreadCpuTime).get() - s0;
            for (int c : columns) {
                check += q.quantile(c, 0.5);
            }
            if (rep >= 20) {
                bestAdd = Math.min(bestAdd, (c1 - c0) / 1e6);
                bestSelect = Math.min(bestSelect, s / 1e6);
            }
        }
        one.shutdown();
        System.out.printf("adds %.2f ms, selection %.2f ms of CPU (best of 10); check %.6f%n", bestAdd, bestSelect, check);
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
