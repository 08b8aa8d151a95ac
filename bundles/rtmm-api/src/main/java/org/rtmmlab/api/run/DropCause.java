package org.rtmmlab.api.run;

/** Why a request was dropped. */
public enum DropCause {
    /** Not dropped. */
    NONE,
    /** The scheduler dropped it. */
    POLICY,
    /** The engine's deadline rule dropped it (e.g. XRBench: still queued after its deadline). */
    DEADLINE,
    /** Its upstream request of the same frame was dropped. */
    UPSTREAM
}
