package io.plansim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads typed fields out of a {@link LocatedDocument}, collecting every problem (with file, line,
 * column, field path, what was found and what is allowed) instead of stopping at the first.
 * Scenario, target and batch files share it.
 */
public class FieldReader {
    protected final LocatedDocument doc;
    protected final List<InputProblem> problems = new ArrayList<>();

    public FieldReader(LocatedDocument doc) {
        this.doc = doc;
    }

    /** Throws an {@link InputException} carrying every problem found so far, if any. */
    public void failIfProblems() {
        if (!problems.isEmpty()) {
            List<InputProblem> sorted = new ArrayList<>(problems);
            // in reading order: by file, then line and column (command-line overrides, line 0, first)
            sorted.sort(java.util.Comparator.comparing((InputProblem p) -> p.location().file())
                    .thenComparingInt(p -> p.location().line()).thenComparingInt(p -> p.location().column()));
            throw new InputException(sorted);
        }
    }

    public List<InputProblem> problems() {
        return problems;
    }

    public void problem(String pointer, String found, String allowed) {
        problems.add(new InputProblem(doc.locate(pointer), LocatedDocument.fieldPath(pointer), found, allowed));
    }

    public void checkKeys(String pointer, JsonNode node, java.util.Collection<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problem(pointer + "/" + LocatedDocument.escape(key), "unknown key '" + key + "'",
                        Suggestions.allowed(key, allowed.stream().sorted().toList()));
            }
        }
    }

    public String text(String pointer, JsonNode node, boolean required, String fallback) {
        if (node == null || node.isNull()) {
            if (required) {
                problem(pointer, "nothing", "this field is required (text)");
            }
            return fallback;
        }
        if (!node.isTextual() && !node.isNumber()) {
            problem(pointer, describe(node), "text");
            return fallback;
        }
        return node.asText();
    }

    public int year(String pointer, JsonNode node, int min, int max) {
        if (node == null || node.isNull()) {
            problem(pointer, "nothing", "this field is required (a year such as 2020)");
            return -1;
        }
        // canConvertToInt: 4294969316 would otherwise wrap around to 2020
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problem(pointer, describe(node), "a year between " + min + " and " + max);
            return -1;
        }
        return node.asInt();
    }

    /**
     * A number, refused where it is read when it can never be right: not finite (quoted 'NaN', 'Infinity',
     * .inf), above {@link #MAX_MAGNITUDE} in size (1e308), or a nonzero number below {@link #MIN_MAGNITUDE}
     * (denormals such as 4.9e-324): no base value, rate, share or probability plansim reads is either.
     */
    public Double number(String pointer, JsonNode node) {
        if (node == null || node.isNull()) {
            problem(pointer, "nothing", "a number");
            return null;
        }
        double v;
        if (node.isNumber()) {
            v = node.doubleValue();
        } else if (node.isTextual() && isDecimal(node.asText().trim())) {
            v = Double.parseDouble(node.asText().trim());
        } else {
            problem(pointer, describe(node), "a number");
            return null;
        }
        String refused = refusedNumber(v);
        if (refused != null) {
            problem(pointer, describe(node), refused);
            return null;
        }
        return v;
    }

    /** Numbers above this size are refused where they are read (no plansim input comes near it). */
    public static final double MAX_MAGNITUDE = 1e12;
    /** Nonzero numbers below this size are refused where they are read (denormals, typos such as 1e-300). */
    public static final double MIN_MAGNITUDE = 1e-12;

    /** Why a number read from input can never be right, or null when it may be. */
    public static String refusedNumber(double v) {
        if (!Double.isFinite(v)) {
            return "a finite number";
        }
        double a = Math.abs(v);
        if (a > MAX_MAGNITUDE || (a != 0 && a < MIN_MAGNITUDE)) {
            return "a number of size 0 or " + MIN_MAGNITUDE + " to " + MAX_MAGNITUDE;
        }
        return null;
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** A number written as decimal digits: "NaN", "Infinity", "0x1p3" and "1d" are text, not numbers. */
    public static boolean isDecimal(String s) {
        return s.length() < 64 && DECIMAL.matcher(s).matches();
    }

    public Source source(String pointer, JsonNode node) {
        if (node == null || node.isNull()) {
            problem(pointer, "no source", "every figure needs a source: a seed file with line and quote, "
                    + "an address with a quote, or a note saying it is an assumption");
            return null;
        }
        if (node.isTextual()) {
            return Source.note(node.asText());
        }
        if (!node.isObject()) {
            problem(pointer, describe(node), "a mapping with file, line, quote, url, note (or one line of text)");
            return null;
        }
        checkKeys(pointer, node, List.of("file", "line", "quote", "url", "note"));
        Integer line = null;
        if (node.has("line")) {
            if (!node.get("line").isIntegralNumber() || node.get("line").asInt() < 1) {
                problem(pointer + "/line", describe(node.get("line")), "a line number from 1");
            } else {
                line = node.get("line").asInt();
            }
        }
        return new Source(opt(node, "file"), line, opt(node, "quote"), opt(node, "url"), opt(node, "note"));
    }

    public static String opt(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** How a found value reads in a message: "number 8", "text 'abc'", "a mapping". */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "text '" + node.asText() + "'";
        }
        if (node.isNumber()) {
            java.math.BigDecimal d = node.decimalValue().stripTrailingZeros();
            double a = Math.abs(d.doubleValue());
            // plain digits for the sizes plansim reads; 1E+308 or 4.9E-324 rather than hundreds of zeros
            return "number " + (a == 0 || (a >= 1e-6 && a < 1e15) ? d.toPlainString() : d.toString());
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + node.asText();
    }
}
