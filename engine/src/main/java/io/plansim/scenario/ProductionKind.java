package io.plansim.scenario;

/** How real GDP is produced. */
public enum ProductionKind {
    /** Solow-Swan as in the World Bank LTGM: Y = A K^alpha (h L)^(1-alpha). */
    SOLOW,
    /** An exogenous real growth path, for planners who think in growth rates. */
    GROWTH
}
