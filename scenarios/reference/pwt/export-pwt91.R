#!/usr/bin/env Rscript
# Exports the Penn World Table 9.1 columns plansim's evaluation needs (plansim evaluate --panel pwt) from the
# Debian package r-cran-pwt9 (apt-get install r-cran-pwt9) to pwt91.csv, and its SHA-256 to pwt91.csv.sha256.
# Building and testing read the committed CSV and need no R; this script only reproduces it.
#
# Run from this folder:  Rscript export-pwt91.R
# Output is deterministic: rows sorted by countrycode then year, numbers printed by C's printf with %.10g
# (10 significant digits, the table's own precision is lower), missing values as empty fields, the country
# name always quoted, "\n" line ends, UTF-8. Re-running gives the same bytes (checked with sha256sum).
suppressPackageStartupMessages(library(pwt9))
data("pwt9.1", package = "pwt9")
d <- pwt9.1
cols <- c("rgdpna", "rkna", "rnna", "emp", "hc", "labsh", "delta", "csh_i", "csh_x", "csh_m", "pop",
          "rtfpna", "cgdpo")
d <- d[order(as.character(d$isocode), d$year), ]
num <- function(v) ifelse(is.na(v), "", sprintf("%.10g", v))
quote <- function(s) paste0('"', gsub('"', '""', s, fixed = TRUE), '"')
out <- data.frame(countrycode = as.character(d$isocode), country = quote(enc2utf8(as.character(d$country))),
                  year = sprintf("%d", as.integer(d$year)), stringsAsFactors = FALSE)
for (c in cols) out[[c]] <- num(d[[c]])
lines <- c(paste(c("countrycode", "country", "year", cols), collapse = ","),
           apply(out, 1, paste, collapse = ","))
con <- file("pwt91.csv", open = "wb")
writeLines(enc2utf8(lines), con, sep = "\n", useBytes = TRUE)
close(con)
sum <- system2("sha256sum", "pwt91.csv", stdout = TRUE)
writeLines(sum, "pwt91.csv.sha256")
cat(sum, "\n")
cat(length(unique(d$isocode)), "economies,", nrow(d), "rows,", min(d$year), "-", max(d$year), "\n")
