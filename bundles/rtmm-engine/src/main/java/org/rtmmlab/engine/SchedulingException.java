package org.rtmmlab.engine;

/**
 * A scheduler policy broke a run: it threw from {@code create}, {@code decide} or {@code observe}, or made an
 * invalid decision. The message names the policy id and, for invalid decisions, the decision and why it was
 * rejected. Only the affected run fails.
 */
public class SchedulingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String policy;

    /**
     * @param policy  id of the scheduler policy at fault
     * @param message what went wrong (the policy id is prefixed)
     * @param cause   the policy's exception, or {@code null}
     */
    public SchedulingException(String policy, String message, Throwable cause) {
        super("scheduler policy '" + policy + "': " + message, cause);
        this.policy = policy;
    }

    /** @return id of the scheduler policy at fault */
    public String policy() {
        return policy;
    }
}
