package io.plansim.report;

import io.plansim.aggregate.McResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How to reproduce the report: the command, version, seed, paths, sampler and fonts, and the files written. */
final class Reproduce {
    private Reproduce() {
    }

    static void reproduce(StringBuilder h, ReportInput in, List<String> slugs) {
        Labels l = in.labels();
        McResult first = in.runs().get(0).mc();
        List<Fact> facts = List.of(
                new Fact(l.word("fact.version"), "plansim " + in.version()),
                new Fact(l.word("fact.seed"), String.valueOf(in.seed())),
                new Fact(l.word("fact.paths"), String.format(Locale.ROOT, "%,d", in.paths())),
                new Fact(l.word("fact.sampler"), l.format("fact.sampler.value", first.sampler())),
                new Fact(l.word("fact.percentiles"), first.quantiles().accuracy(l.zh())),
                new Fact(l.word("fact.labels"), l.requested() != l.lang()
                        ? l.format("fact.labels.fallback", l.lang().id(), l.requested().id()) : l.format("fact.labels.value", l.lang().id())),
                new Fact(l.word("fact.font"), l.format("fact.font.value", ChartFonts.family(l.cjkFont()))),
                new Fact(l.word("fact.made"), in.created()));
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (int i = 0; i < in.runs().size(); i++) {
            String s = slugs.get(i);
            scenarios.add(Map.of("name", l.scenarioName(in.runs().get(i).scenario()),
                    "tables", List.of("percentiles", "central", "targets", "history").stream().map(t -> "tables/" + s + "-" + t + ".csv").toList()));
        }
        Templates.reproduce(h, Map.of("heading", l.word("reproduce"), "command", in.command(), "facts", facts,
                "filesHeading", l.word("files"), "colon", l.word("colon"), "scenarios", scenarios));
    }

    /** A row of the facts table: what, and its value. */
    record Fact(String key, String value) {
    }
}
