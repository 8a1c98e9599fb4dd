package io.plansim.runner;

/** A run stopped through its {@link Cancellation}: it produced no result, whole or partial. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;

    public CancelledException(String reason) {
        super("the run was cancelled: " + reason, null, false, false);
        this.reason = reason;
    }

    /** The reason its {@link Cancellation} was given (e.g. "superseded", "timeout", "client disconnected"). */
    public String reason() {
        return reason;
    }
}
