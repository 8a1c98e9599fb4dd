package io.plansim.backtest;

import io.plansim.target.Target;

/** A target of the backtest period: the probability plansim gave it at the origin, and what happened. */
public record TargetOutcomeCheck(Target target, double probability, double actual, boolean met) {
    /** (p - o)^2 with o = 1 if met. */
    public double brier() {
        double o = met ? 1 : 0;
        return (probability - o) * (probability - o);
    }
}
