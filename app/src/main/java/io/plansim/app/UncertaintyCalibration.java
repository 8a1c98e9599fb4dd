package io.plansim.app;

import io.plansim.evaluation.Panel;
import io.plansim.priors.UncertaintyPriors;
import io.plansim.report.Lang;
import io.plansim.scenario.Scenario;
import io.plansim.tables.TextTable;
import io.plansim.target.History;
import io.plansim.target.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code plansim calibrate --uncertainty SCENARIO [--write FILE]}: prints the data-sized uncertainty of a scenario
 * (estimates, standard errors, shrinkage weights and sources; io.plansim.priors.UncertaintyPriors) and with
 * {@code --write} writes a scenario that extends it with that {@code uncertainty:} section, every entry named by
 * its source.
 */
final class UncertaintyCalibration {
    private static final io.plansim.tables.Dictionary WORDS = io.plansim.tables.Dictionary.get();

    private UncertaintyCalibration() {
    }

    static int run(Scenario s, History history, PrintWriter out, Lang lang, Path write, String command) {
        Set<String> metrics = s.targets() == null ? Set.of()
                : Catalogs.of(s).targets().targets().stream().map(Target::metric).collect(Collectors.toSet());
        UncertaintyPriors.Result r = UncertaintyPriors.of(s, history, Panel.pwt(), metrics);
        boolean zh = lang == Lang.ZH;
        StringBuilder sb = new StringBuilder();
        sb.append(zh ? "不确定性先验（依据数据）：" : "Uncertainty sized on data: ").append(s.id())
                .append(zh ? "，地区历史截至 " : ", the region's history up to ").append(s.baseYear())
                .append(zh ? " 年，面板：Penn World Table 9.1\n" : ", panel: Penn World Table 9.1\n");
        sb.append(zh ? "收缩规则：地区估计 x（标准误 se）按权重 w = tau²/(tau² + se²) 与面板均值 m 合并，w x + (1 − w) m；tau 为经济体间离散度（对数标准差尺度）。\n\n"
                : "Shrinkage: the region's estimate x (standard error se) and the panel mean m combine as w x + (1 - w) m with weight "
                + "w = tau^2 / (tau^2 + se^2), tau the spread between economies (on ln sd).\n\n");
        TextTable t = new TextTable(new boolean[] {false, false, false, true});
        t.row(zh ? "条目" : "entry", zh ? "估计（标准误）" : "estimate (std. error)", zh ? "地区数据" : "region", zh ? "权重" : "weight");
        for (UncertaintyPriors.Entry e : r.entries()) {
            t.row(e.section() + "/" + e.key(), WORDS.phrase(e.estimate(), zh), WORDS.phrase(e.evidence(), zh),
                    String.format(Locale.ROOT, "%.2f", e.weight()));
        }
        sb.append(t.render()).append('\n');
        sb.append(zh ? "来源：\n" : "Sources:\n");
        for (UncertaintyPriors.Entry e : r.entries()) {
            sb.append("  ").append(e.section()).append('/').append(e.key()).append(": ").append(zh ? e.sourceZh() : e.source()).append('\n');
        }
        if (!r.kept().isEmpty()) {
            sb.append('\n').append(zh ? "数据无法估计、保留情景原设定的条目（来源照录，无来源者标为判断）："
                    : "Kept as the scenario sets them (no data sizes them; their source as written, else marked judgement): ")
                    .append(String.join(", ", r.kept())).append('\n');
        }
        out.print(sb);
        if (write != null) {
            String text = "# Written by: " + command + "\n"
                    + "name: " + s.name() + " (uncertainty sized on data)\n"
                    + "extends: " + s.id() + "\n"
                    + r.yaml(s.uncertainty(), s.baseYear(), s.horizon());
            AtomicOutput.write(write.toAbsolutePath().getParent(), write.getFileName().toString(), text);
            out.println();
            out.println((zh ? "已写入 " : "wrote ") + write);
        }
        out.flush();
        return 0;
    }

}
