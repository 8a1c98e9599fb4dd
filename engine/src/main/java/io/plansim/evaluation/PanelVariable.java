package io.plansim.evaluation;

/**
 * A variable scored on the panel: the natural log of a panel series (log points, so errors are relative).
 *
 * @param id     the name in tables, e.g. {@code log_gdp}
 * @param series the panel column, e.g. {@code rgdpna} (real GDP at constant national prices)
 * @param kernel the kernel output that forecasts it, e.g. {@code gdp_real}
 */
public record PanelVariable(String id, String series, String kernel) {
    /** Real GDP at constant 2011 national prices (PWT rgdpna, mil. 2011 US$), against the kernel's real GDP. */
    public static final PanelVariable GDP = new PanelVariable("log_gdp", "rgdpna", "gdp_real");
    /** Population (PWT pop, millions), against the kernel's resident population. */
    public static final PanelVariable POPULATION = new PanelVariable("log_population", "pop", "population");
    /** Capital stock at constant 2011 national prices (PWT rnna, mil. 2011 US$), against the kernel's capital. */
    public static final PanelVariable CAPITAL = new PanelVariable("log_capital", "rnna", "capital_stock");

    /** The log of the series in a year, NaN when missing or not positive. */
    public double log(Panel.Economy e, int year) {
        double x = e.value(series, year);
        return x > 0 ? Math.log(x) : Double.NaN;
    }
}
