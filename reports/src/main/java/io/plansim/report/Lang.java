package io.plansim.report;

/** Language of the report's charts and headings. */
public enum Lang {
    EN, ZH;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
