package org.rtmmlab.engine.sim;

import org.rtmmlab.api.InvalidInputException;

/** Default-mode deadline rule, engine property {@code engine.dropRule}. */
public enum DropRule {
    /** A request that has not started any layer when its deadline arrives is dropped (DropCause.DEADLINE). */
    QUEUED_LATE("queued-late"),
    /** The engine never drops; late requests run to completion and end LATE. */
    NONE("none");

    /** Engine property selecting the rule. */
    public static final String PROPERTY = "engine.dropRule";

    private final String label;

    DropRule(String label) {
        this.label = label;
    }

    /** @return the value users write, e.g. {@code queued-late} */
    public String label() {
        return label;
    }

    /** @return the rule named {@code value} @throws InvalidInputException naming the allowed values */
    public static DropRule parse(String value) {
        for (DropRule r : values()) {
            if (r.label.equals(value)) {
                return r;
            }
        }
        throw new InvalidInputException("run properties", PROPERTY,
                "unknown drop rule '" + value + "'; allowed: queued-late, none");
    }
}
