#!/usr/bin/env Rscript
# The elasticity of real GDP to trade turnover behind plansim's demand channel (driver trade.outputElasticity,
# docs/MODEL.md "Trade and output"), estimated on the Penn World Table 9.1 (Feenstra, Inklaar and Timmer, "The
# Next Generation of the Penn World Table", AER 2015; CC BY 4.0) from Debian's r-cran-pwt9:
#
#   apt-get install r-cran-pwt9 && Rscript scenarios/reference/pwt/trade-output-elasticity.R
#
# Why the panel: Yiwu's and Jinhua's histories cannot identify it. Yiwu has export figures for 2014, 2015 (in
# US dollars), 2019 and 2020 only, across the 2014-15 break of market-procurement trade, and its trade grew as
# fast as its nominal GDP over 2015-2020 (docs/MODEL.md), so the one clean five-year step says nothing about
# the elasticity. Economies whose exports are a large share of GDP (Yiwu's are about twice its GDP) show how
# output moves with trade year to year.
#
# Method: for every economy whose mean export share csh_x is at least a threshold and that has at least 12
# annual observations, annual log growth of real GDP (rgdpna) and of real exports (csh_x * cgdpo / pl_x,
# exports at current PPPs over their price level), each less the economy's own mean (a within estimator:
# the economy's trend growth is its potential). beta = the least-squares slope of GDP growth on export growth;
# standard errors clustered by economy. Reported for thresholds 0.3, 0.4, 0.5, with and without the years in
# which real exports moved by more than 50 log points against the economy's mean (wars, data breaks, oil).
# A distributed lag (GDP growth on export growth, its lag and lagged GDP growth) shows whether the effect
# reverses: if the lag of export growth has no negative coefficient, a change in trade moves the level of
# output for good, which is the form the kernel uses.
suppressPackageStartupMessages(library(pwt9))
data("pwt9.1", package = "pwt9")
d <- pwt9.1
d$iso <- as.character(d$isocode)
d <- d[order(d$iso, d$year), ]
d$x <- d$csh_x * d$cgdpo / d$pl_x
d <- d[is.finite(d$x) & d$x > 0 & is.finite(d$rgdpna) & d$rgdpna > 0, ]
share <- tapply(d$csh_x, d$iso, mean)

panel <- function(threshold, trim) {
  open <- names(share)[share >= threshold]
  rows <- lapply(split(d[d$iso %in% open, ], d$iso[d$iso %in% open]), function(e) {
    if (nrow(e) < 12) return(NULL)
    annual <- diff(e$year) == 1
    g <- diff(log(e$rgdpna))[annual]
    gx <- diff(log(e$x))[annual]
    if (trim) {
      keep <- abs(gx - mean(gx)) < 0.5
      g <- g[keep]
      gx <- gx[keep]
    }
    data.frame(iso = e$iso[1], g = g - mean(g), gx = gx - mean(gx))
  })
  do.call(rbind, rows)
}

slope <- function(r) {
  b <- sum(r$g * r$gx) / sum(r$gx^2)
  u <- r$g - b * r$gx
  cl <- split(seq_len(nrow(r)), r$iso)
  se <- sqrt(sum(sapply(cl, function(i) sum(r$gx[i] * u[i])^2))) / sum(r$gx^2)
  c(beta = b, se = se, obs = nrow(r), economies = length(cl))
}

cat("threshold trim  beta    se(cluster)  obs  economies\n")
for (threshold in c(0.3, 0.4, 0.5)) {
  for (trim in c(FALSE, TRUE)) {
    s <- slope(panel(threshold, trim))
    cat(sprintf("%.1f       %-5s %.4f  %.4f       %4d %3d\n", threshold, trim, s["beta"], s["se"], s["obs"], s["economies"]))
  }
}
r <- panel(0.5, TRUE)
lagged <- do.call(rbind, lapply(split(r, r$iso), function(e) {
  n <- nrow(e)
  if (n < 3) return(NULL)
  data.frame(g = e$g[-1], gx = e$gx[-1], gx1 = e$gx[-n], g1 = e$g[-n])
}))
cat("\ndistributed lag, threshold 0.5, trimmed (OLS standard errors):\n")
print(round(summary(lm(g ~ gx + gx1 + g1 - 1, data = lagged))$coefficients, 4))
