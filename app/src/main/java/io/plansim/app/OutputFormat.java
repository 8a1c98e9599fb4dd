package io.plansim.app;

/** How a command prints its result. */
enum OutputFormat {
    TABLE("txt"), CSV("csv"), JSON("json"), XLSX("xlsx");

    final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }
}
