// The fitting criteria of the spread recalibration compared on one panel evaluation (docs/EVALUATION.md, session 6):
// runs the rolling-origin evaluation of `plansim evaluate --panel pwt` (seed 1, 200 paths, origins 1970-2015 every
// 5 years, horizons 1-15, 10 economy blocks), then fits every SpreadFit.Criterion on the same recorded forecasts and
// prints, per variable, criterion and horizon: k_lo and k_hi with jackknife standard errors, the out-of-sample
// coverage of the 50/80/90% intervals, CRPS (recalibrated, raw, best naive forecaster), the lowest and highest PIT
// tenths and the PIT chi-square. Run from the repository root (about 30 s idle):
//   mvn -B -q -o compile -pl engine -am
//   mvn -B -q -o dependency:build-classpath -pl engine -Dmdep.outputFile=/tmp/cp.txt
//   jshell --class-path engine/target/classes:scenarios/target/classes:$(cat /tmp/cp.txt) docs/tables/spread-criteria.jsh
import io.plansim.evaluation.*;
import java.util.*;
var data = Panel.pwt();
int last = data.economies().stream().mapToInt(Panel.Economy::lastYear).max().getAsInt() - 1;
var d = new RollingOrigin.Design(1970, last, 5, 15, 10, 1);
var vars = List.of(PanelVariable.GDP, PanelVariable.POPULATION, PanelVariable.CAPITAL);
var fit = new SpreadFit(vars.size(), 15, 10);
var e = RollingOrigin.run(data, List.of(SolowForecaster.of(200, 1, false), NaiveForecasters.randomWalkWithDrift(5), NaiveForecasters.randomWalkWithDrift(10), NaiveForecasters.globalMeanGrowth()), vars, d, 2, null, fit);
System.out.println("forecasters " + e.scores().forecasters());
for (int v = 0; v < 2; v++) {
  for (var c : SpreadFit.Criterion.values()) {
    var f = fit.withCriterion(c);
    var fits = f.fit(v);
    var card = new Scorecard();
    f.score(v, fits, "x", card, "raw", 1);
    System.out.println("== " + vars.get(v).id() + " " + c);
    System.out.println("h n klo+-se khi+-se cov50 cov80 cov90 crps raw-crps best-naive pit0 pit9 chi2");
    double lo50 = 1, hi50 = 0, lo80 = 1, hi80 = 0; int worse = 0;
    for (var hf : fits) {
      int h = hf.horizon();
      var cc = card.cell(SpreadFit.CALIBRATED, "x", h);
      var rr = card.cell("raw", "x", h);
      double naive = 1e9;
      for (String n : e.scores().forecasters()) { if (!n.equals("plansim")) { var nc = e.scores().cell(n, vars.get(v).id(), h); if (nc != null) naive = Math.min(naive, nc.meanCrps()); } }
      var pit = cc.pitDensity();
      lo50 = Math.min(lo50, cc.coverage(0.5)); hi50 = Math.max(hi50, cc.coverage(0.5)); lo80 = Math.min(lo80, cc.coverage(0.8)); hi80 = Math.max(hi80, cc.coverage(0.8));
      if (cc.meanCrps() >= naive) worse++;
      System.out.println(String.format(Locale.ROOT, "%d %d %.2f+-%.2f %.2f+-%.2f %.3f %.3f %.3f %.4f %.4f %.4f %.2f %.2f %.0f", h, hf.n(), hf.below().k(), hf.below().se(), hf.above().k(), hf.above().se(),
         cc.coverage(0.5), cc.coverage(0.8), cc.coverage(0.9), cc.meanCrps(), rr.meanCrps(), naive, pit[0], pit[9], cc.pitChiSquare()));
    }
    var all = card.overall(SpreadFit.CALIBRATED, "x");
    System.out.println(String.format(Locale.ROOT, "SUMMARY %s %s cov50 %.2f-%.2f cov80 %.2f-%.2f crps-all %.4f horizons-not-below-naive %d", vars.get(v).id(), c, lo50, hi50, lo80, hi80, all.meanCrps(), worse));
  }
}
/exit
