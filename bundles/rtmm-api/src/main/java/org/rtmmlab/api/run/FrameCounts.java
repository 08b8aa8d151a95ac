package org.rtmmlab.api.run;

/**
 * Request accounting: every released request is in exactly one of the four outcome counts.
 *
 * @param released requests released
 * @param onTime   completed by their deadline
 * @param late     completed after their deadline
 * @param dropped  dropped
 * @param inFlight still queued or running at the end
 */
public record FrameCounts(long released, long onTime, long late, long dropped, long inFlight) {

    /** Checks conservation: released = onTime + late + dropped + inFlight. */
    public FrameCounts {
        if (released != onTime + late + dropped + inFlight || onTime < 0 || late < 0 || dropped < 0 || inFlight < 0) {
            throw new IllegalArgumentException("frame accounting broken: released " + released + " != on time " + onTime
                    + " + late " + late + " + dropped " + dropped + " + in flight " + inFlight);
        }
    }

    /** @return (late + dropped) / (released - inFlight), 0 when nothing ended */
    public double missRate() {
        long ended = released - inFlight;
        return ended == 0 ? 0 : (double) (late + dropped) / ended;
    }

    /** @return the sum of two counts */
    public FrameCounts plus(FrameCounts o) {
        return new FrameCounts(released + o.released, onTime + o.onTime, late + o.late, dropped + o.dropped,
                inFlight + o.inFlight);
    }
}
