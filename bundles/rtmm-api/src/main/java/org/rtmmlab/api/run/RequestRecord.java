package org.rtmmlab.api.run;

import org.rtmmlab.api.Checks;

/**
 * How one request (one frame of one task) ended. Times in nanoseconds since the run started; {@code startNs} and
 * {@code finishNs} are -1 where the request never started / never finished.
 *
 * @param requestId    run-unique id
 * @param task         task id
 * @param model        model id
 * @param variant      variant id ({@code full} for the full model)
 * @param frame        frame number of the task, 0-based
 * @param arrivalNs    release time
 * @param deadlineNs   absolute deadline
 * @param startNs      start of the first block, or -1
 * @param finishNs     end of the last block (or drop time for drops), or -1 for in-flight requests
 * @param outcome      the account it ends in
 * @param dropCause    why it was dropped ({@link DropCause#NONE} otherwise)
 * @param energyPj     dynamic energy of its executed layers plus switch costs, pJ
 * @param accelerators ids of the accelerators that ran its blocks, in order of first use, joined with '+'
 * @param accuracy     relative accuracy of the variant used (1 for the full model)
 */
public record RequestRecord(long requestId, String task, String model, String variant, long frame, long arrivalNs,
                            long deadlineNs, long startNs, long finishNs, Outcome outcome, DropCause dropCause,
                            double energyPj, String accelerators, double accuracy) {

    /** Checks ids and the outcome/time consistency. */
    public RequestRecord {
        Checks.id(task, "task");
        Checks.id(model, "model");
        Checks.present(outcome, "outcome");
        Checks.present(dropCause, "dropCause");
        variant = variant == null ? "full" : variant;
        accelerators = accelerators == null ? "" : accelerators;
        if ((outcome == Outcome.DROPPED) != (dropCause != DropCause.NONE)) {
            throw new IllegalArgumentException("request " + requestId + ": outcome " + outcome + " with drop cause " + dropCause);
        }
    }

    /** @return finish - arrival in ns for completed requests, -1 otherwise */
    public long latencyNs() {
        return outcome == Outcome.ON_TIME || outcome == Outcome.LATE ? finishNs - arrivalNs : -1;
    }
}
