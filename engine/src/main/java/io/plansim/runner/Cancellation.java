package io.plansim.runner;

/**
 * A token a front end holds to stop a run it started (the client went away, a newer request superseded it, a
 * time limit passed). The runner checks it between blocks of paths: a cancelled run stops within one block per
 * thread and throws {@link CancelledException}, leaving no result.
 */
public final class Cancellation {
    private static final Cancellation NEVER = new Cancellation();
    private volatile String reason;

    private Cancellation() {
    }

    /** A new token, not cancelled. */
    public static Cancellation create() {
        return new Cancellation();
    }

    /** The token of runs nobody cancels. */
    public static Cancellation never() {
        return NEVER;
    }

    /** Asks the run to stop; the first reason given is the one reported. */
    public void cancel(String why) {
        if (this == NEVER) {
            throw new IllegalStateException("Cancellation.never() cannot be cancelled");
        }
        synchronized (this) {
            if (reason == null) {
                reason = why == null || why.isBlank() ? "cancelled" : why;
            }
        }
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** Why it was cancelled, or null. */
    public String reason() {
        return reason;
    }

    /** Throws {@link CancelledException} when the token was cancelled. */
    public void check() {
        String why = reason;
        if (why != null) {
            throw new CancelledException(why);
        }
    }
}
