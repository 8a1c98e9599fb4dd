package io.plansim.app;

import io.plansim.compile.SpreadCalibration;
import io.plansim.evaluation.PanelVariable;
import io.plansim.evaluation.Scorecard;
import io.plansim.evaluation.SpreadFit;
import io.plansim.tables.TextTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spread recalibration fitted by {@code plansim evaluate --panel}: which panel variable sizes which group of
 * plansim variables, the provenance the file carries, and the factor table the command prints.
 */
final class PanelCalibration {
    /** Panel variable -> (group id, the plansim variables the group scales). Capital is not recalibrated (not shown by the plans). */
    private static final Map<PanelVariable, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(PanelVariable.GDP, List.of("gdp", "gdp_real", "gdp_nominal", "gdp_per_capita"));
        // Fitted and kept as evidence, applied to no scenario variable: its factors (about 0.5 at 1-2 years) correct the
        // panel forecaster's own population spread, sized on decade-regression errors that wars, refugee flows and census
        // revisions dominate; a scenario's population prior is sized otherwise (`plansim calibrate --uncertainty`), and
        // nothing has shown the factor carries to it (for Yiwu it would halve an interval the census revisions call too narrow).
        GROUPS.put(PanelVariable.POPULATION, List.of("population"));
    }

    /** What the panel's factors minimize (docs/MODEL.md "Recalibration"). */
    static final SpreadFit.Criterion CRITERION = SpreadFit.Criterion.SCALED_INTERVALS;

    private PanelCalibration() {
    }

    /** Fits every group's factors, adds the out-of-sample recalibrated scores to {@code card}, and returns the calibration. */
    static SpreadCalibration fit(SpreadFit fit, List<PanelVariable> variables, Scorecard card, String data, byte[] bytes,
                                 String command, String version, long seed) {
        List<SpreadCalibration.Group> groups = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            List<String> g = GROUPS.get(variables.get(v));
            if (g == null) {
                continue;
            }
            List<SpreadFit.HorizonFit> fits = fit.fit(v);
            fit.score(v, fits, variables.get(v).id(), card, null, seed);
            String scope = g.size() > 1 ? "" : "; applied to no scenario variable (evidence only: docs/MODEL.md \"Recalibration\")";
            groups.add(SpreadFit.group(g.get(0), g.subList(1, g.size()), "log " + variables.get(v).series() + " on " + data
                    + ", every economy and origin of the evaluation" + scope, fits, card, "plansim", variables.get(v).id()));
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("command", command);
        provenance.put("data", data);
        provenance.put("dataSha256", sha256(bytes));
        provenance.put("plansim", version);
        provenance.put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        provenance.put("commit", gitCommit());
        provenance.put("method", method(fit.criterion()) + "; out-of-sample figures score each economy block with factors fitted "
                + "on the other blocks; standard errors: jackknife over the blocks");
        return SpreadCalibration.of("pwt91-spread-" + version, provenance, groups);
    }

    /** The fitting criterion in words, for the file's provenance. */
    static String method(SpreadFit.Criterion c) {
        String ensemble = "the ensemble c + k_lo (x - c) below c and c + k_hi (x - c) above it, in log points, c the scenario's central path";
        return switch (c) {
            case SYMMETRIC_CRPS -> "k(h) minimizes the mean CRPS of the ensemble c + k (x - c) in log points, c the scenario's central path";
            case CRPS -> "k_lo(h) and k_hi(h) minimize the mean CRPS of " + ensemble + " (the CRPS separates into the two sides)";
            case INTERVALS -> "k_lo(h) minimizes the mean pinball loss of the 10% and 25% quantiles, k_hi(h) of the 75% and 90%, of "
                    + ensemble + ": together the weighted interval score of the central 50% and 80% intervals";
            case INTERVAL80 -> "k_lo(h) minimizes the mean pinball loss of the 10% quantile, k_hi(h) of the 90%, of " + ensemble;
            case SCALED_INTERVALS -> "k_lo(h) minimizes the mean pinball loss of the 10% and 25% quantiles, k_hi(h) of the 75% and 90%, of "
                    + ensemble + ", each case's loss at a level divided by that quantile's deviation from c (the weighted interval score "
                    + "of the central 50% and 80% intervals with every forecast counted once, whatever its width)";
            case SCALED_INTERVAL80 -> "k_lo(h) minimizes the mean pinball loss of the 10% quantile, k_hi(h) of the 90%, of " + ensemble
                    + ", each case's loss divided by that quantile's deviation from c";
        };
    }

    /**
     * The git commit of the working tree that fitted the file, asked of git in the working directory: the commit id,
     * followed by "+ uncommitted changes" when the tree differs from it (the figures then belong to that tree, not to
     * the commit); without git or outside a repository, a sentence saying so.
     */
    static String gitCommit() {
        String head = git("rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return "unknown: git was not available or the working directory is not a git repository";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return head.strip() + (status == null ? " (whether the tree had uncommitted changes is unknown)"
                : status.isBlank() ? "" : " + uncommitted changes");
    }

    /** git's standard output for the arguments, null when it cannot run or fails. */
    private static String git(String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Writes the calibration file atomically; returns its path. */
    static Path write(Path file, SpreadCalibration cal) {
        Path dir = file.toAbsolutePath().getParent();
        return AtomicOutput.write(dir, file.getFileName().toString(), cal.toYaml());
    }

    static byte[] resource(String name) {
        try (InputStream in = PanelCalibration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fitted factors by horizon with their standard errors. */
    static String factorTable(SpreadCalibration cal) {
        StringBuilder sb = new StringBuilder("Spread recalibration fitted on the panel (" + cal.id() + "): factors k(h) on each path's "
                + "deviation from the central path (log points), below it (lo) and above it (hi) where they differ, +- jackknife "
                + "standard error over the economy blocks\n");
        List<String> head = new ArrayList<>(List.of("group"));
        int max = cal.groups().stream().mapToInt(SpreadCalibration.Group::horizons).max().orElse(0);
        for (int h = 1; h <= max; h++) {
            head.add(String.valueOf(h));
        }
        boolean[] right = new boolean[head.size()];
        java.util.Arrays.fill(right, true);
        right[0] = false;
        TextTable t = new TextTable(right);
        t.row(head.toArray(String[]::new));
        for (SpreadCalibration.Group g : cal.groups()) {
            if (g.symmetric()) {
                t.row(factorRow(g.id(), g.factorsBelow(), g.standardErrorsBelow(), max));
            } else {
                t.row(factorRow(g.id() + " lo", g.factorsBelow(), g.standardErrorsBelow(), max));
                t.row(factorRow(g.id() + " hi", g.factorsAbove(), g.standardErrorsAbove(), max));
            }
        }
        return sb.append(t.render()).toString();
    }

    private static String[] factorRow(String name, double[] k, double[] se, int max) {
        List<String> row = new ArrayList<>(List.of(name));
        for (int h = 0; h < max; h++) {
            row.add(h < k.length ? String.format(Locale.ROOT, "%.2f+-%.2f", k[h], se[h]) : "-");
        }
        return row.toArray(String[]::new);
    }
}
