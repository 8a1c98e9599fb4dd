package io.plansim.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pseudo-out-of-sample evaluation from rolling origins: for every economy and every origin, each forecaster
 * forecasts from what was known at the origin, and every forecast whose outcome the panel has is scored.
 *
 * <p>Leave-out: economies are cut into {@code folds} blocks by their position in the panel (economy i in block
 * i mod folds); a forecaster sees as its training panel every economy outside the forecast economy's block, so
 * nothing fitted on the panel has seen the economy it forecasts. A case (economy, origin) is scored only when
 * the first forecaster (the model under test) forecasts it, and then for every forecaster that does, so all are
 * compared on the same cases.
 *
 * <p>Cases run in parallel; their scores are added in case order, so the result does not depend on threads.
 */
public final class RollingOrigin {
    private RollingOrigin() {
    }

    /** Told after each case. */
    public interface Progress {
        void update(long casesDone, long casesTotal);
    }

    /** Told, in case order, each forecast of the model under test (the first forecaster) whose outcome is known. */
    public interface Recorder {
        /**
         * @param economy index of the economy in the panel (its block is economy mod folds)
         * @param variable index into the variables evaluated
         * @param horizon  years after the origin
         */
        void record(int economy, int origin, int variable, int horizon, Forecast forecast, double actual);
    }

    /**
     * The design of an evaluation.
     *
     * @param firstOrigin first origin year (1970)
     * @param lastOrigin  last origin year considered (an origin needs at least one later outcome)
     * @param step        years between origins (5)
     * @param horizons    horizons 1..horizons years are scored (15)
     * @param folds       blocks of economies for the leave-out (10)
     * @param seed        seed of the randomized PIT of ensemble forecasts
     */
    public record Design(int firstOrigin, int lastOrigin, int step, int horizons, int folds, long seed) {
        public Design {
            if (step < 1 || horizons < 1 || folds < 2 || lastOrigin < firstOrigin) {
                throw new IllegalArgumentException("origins " + firstOrigin + "-" + lastOrigin + " every " + step
                        + " years, horizons 1-" + horizons + ", " + folds + " folds: need step >= 1, horizons >= 1, "
                        + "folds >= 2, last origin >= first");
            }
        }

        public List<Integer> origins() {
            List<Integer> out = new ArrayList<>();
            for (int o = firstOrigin; o <= lastOrigin; o += step) {
                out.add(o);
            }
            return out;
        }
    }

    /**
     * The outcome of an evaluation.
     *
     * @param scores the scorecard
     * @param cases  the (economy, origin) pairs scored
     * @param economies how many distinct economies were scored
     */
    public record Evaluation(Scorecard scores, int cases, int economies) {
    }

    public static Evaluation run(Panel panel, List<Forecaster> forecasters, List<PanelVariable> variables, Design d,
                                 int threads, Progress progress) {
        return run(panel, forecasters, variables, d, threads, progress, null);
    }

    /** As above, telling {@code recorder} (may be null) every scored forecast of the first forecaster. */
    public static Evaluation run(Panel panel, List<Forecaster> forecasters, List<PanelVariable> variables, Design d,
                                 int threads, Progress progress, Recorder recorder) {
        List<Panel.Economy> all = panel.economies();
        Panel[] training = new Panel[d.folds()];
        for (int f = 0; f < d.folds(); f++) {
            int fold = f;
            training[f] = Panel.of(panel.series(), filterByIndex(all, i -> i % d.folds() != fold));
        }
        record Case(int economy, int origin) {
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int o : d.origins()) {
                cases.add(new Case(i, o));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "plansim-evaluate");
            t.setDaemon(true);
            return t;
        });
        Scorecard card = new Scorecard();
        int scoredCases = 0;
        java.util.Set<Integer> scoredEconomies = new java.util.TreeSet<>();
        try {
            List<Future<CaseScores>> futures = new ArrayList<>();
            for (Case c : cases) {
                futures.add(pool.submit(() -> scoreCase(all.get(c.economy()), c.economy(), c.origin(), forecasters,
                        variables, d, training[c.economy() % d.folds()], recorder != null)));
            }
            for (int k = 0; k < cases.size(); k++) {
                CaseScores cs = futures.get(k).get();
                futures.set(k, null); // the ensembles kept for a recorder are not held to the end
                if (cs != null) {
                    double[][][][] s = cs.scores();
                    if (recorder != null) {
                        record(recorder, cases.get(k).economy(), cases.get(k).origin(), cs);
                    }
                    scoredCases++;
                    scoredEconomies.add(cases.get(k).economy());
                    for (int f = 0; f < forecasters.size(); f++) {
                        for (int v = 0; s[f] != null && v < variables.size(); v++) {
                            for (int h = 1; h <= d.horizons(); h++) {
                                double[] x = s[f][v][h - 1];
                                if (x != null) {
                                    card.add(forecasters.get(f).name(), variables.get(v).id(), h, x[0], x[1]);
                                }
                            }
                        }
                    }
                }
                if (progress != null) {
                    progress.update(k + 1, cases.size());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Evaluation(card, scoredCases, scoredEconomies.size());
    }

    /**
     * A case's scores, [forecaster][variable][horizon - 1] = {PIT, CRPS} (null where not scored), the first
     * forecaster's forecasts [variable][horizon - 1] and the outcomes.
     */
    private record CaseScores(double[][][][] scores, Forecast[][] first, double[][] actual) {
    }

    private static void record(Recorder recorder, int economy, int origin, CaseScores cs) {
        for (int v = 0; v < cs.first().length; v++) {
            for (int h = 0; cs.first()[v] != null && h < cs.first()[v].length; h++) {
                if (cs.first()[v][h] != null && Double.isFinite(cs.actual()[v][h])) {
                    recorder.record(economy, origin, v, h + 1, cs.first()[v][h], cs.actual()[v][h]);
                }
            }
        }
    }

    /** The case's scores; null when the case is not scored. */
    private static CaseScores scoreCase(Panel.Economy e, int index, int origin, List<Forecaster> forecasters,
                                        List<PanelVariable> variables, Design d, Panel training, boolean keep) {
        double[][] actual = new double[variables.size()][d.horizons()];
        boolean any = false;
        for (int v = 0; v < variables.size(); v++) {
            for (int h = 1; h <= d.horizons(); h++) {
                actual[v][h - 1] = variables.get(v).log(e, origin + h);
                any |= Double.isFinite(actual[v][h - 1]);
            }
        }
        if (!any) {
            return null;
        }
        // the randomized PIT's uniforms: one stream per case, whatever thread runs it
        SplittableRandom rng = new SplittableRandom(d.seed() ^ (index * 0x9E3779B97F4A7C15L + origin * 0xBF58476D1CE4E5B9L));
        double[][][][] out = new double[forecasters.size()][][][];
        Forecast[][] first = null;
        for (int f = 0; f < forecasters.size(); f++) {
            Forecast[][] fc = forecasters.get(f).forecast(e, origin, d.horizons(), variables, training);
            if (f == 0) {
                first = fc;
            }
            if (fc == null) {
                if (f == 0) {
                    return null;
                }
                continue;
            }
            out[f] = new double[variables.size()][d.horizons()][];
            for (int v = 0; v < variables.size(); v++) {
                for (int h = 0; h < d.horizons(); h++) {
                    double y = actual[v][h];
                    double u = rng.nextDouble();
                    if (fc[v] != null && fc[v][h] != null && Double.isFinite(y)) {
                        out[f][v][h] = new double[] {fc[v][h].pit(y, u), fc[v][h].crps(y)};
                    }
                }
            }
        }
        return new CaseScores(out, keep ? first : null, actual);
    }

    private static List<Panel.Economy> filterByIndex(List<Panel.Economy> all, java.util.function.IntPredicate keep) {
        List<Panel.Economy> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (keep.test(i)) {
                out.add(all.get(i));
            }
        }
        return out;
    }
}
