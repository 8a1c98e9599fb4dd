package io.plansim.backtest;

import io.plansim.target.Target;

/**
 * A target of the backtest period: the probability plansim gave it at the origin, and what happened.
 *
 * @param breakReason why the target's metric is across a statistical break from the origin's basis (then it is
 *                    shown but left out of the Brier score), null if it is not
 */
public record TargetOutcomeCheck(Target target, double probability, double actual, boolean met, String breakReason) {
    /** (p - o)^2 with o = 1 if met. */
    public double brier() {
        double o = met ? 1 : 0;
        return (probability - o) * (probability - o);
    }

    public boolean acrossBreak() {
        return breakReason != null;
    }
}
