package org.rtmmlab.report.trace;

import java.util.TreeMap;

/**
 * The time before which every request of the run is known to have ended, derived from the request records alone.
 *
 * <p>The engine numbers requests 0, 1, 2, ... in release order and releases them at their arrival time, so arrival
 * times never decrease with the id. Requests end in any order. Let {@code L} be the lowest id not yet ended: every
 * request still unknown or in flight has an id &ge; {@code L}, hence arrived at or after the arrival of request
 * {@code L - 1}. Anything the record stream still owes (requests, and the blocks of requests in flight, which start
 * after their arrival) happens at or after that time, the watermark. Everything before it is final.
 *
 * <p>Memory: one entry per request that ended while a lower id was still open, i.e. bounded by the requests released
 * during the life of the oldest request in flight.
 */
final class ReleaseWatermark {

    private final TreeMap<Long, Long> endedAhead = new TreeMap<>();
    private long lowestOpen;
    private long watermarkNs = Long.MIN_VALUE;

    /**
     * Records that a request ended.
     *
     * @return true if the watermark moved
     */
    boolean ended(long requestId, long arrivalNs) {
        if (requestId < lowestOpen) {
            return false; // ended twice or numbered below the contiguous range: nothing to learn
        }
        if (requestId != lowestOpen) {
            endedAhead.put(requestId, arrivalNs);
            return false;
        }
        long w = arrivalNs;
        lowestOpen++;
        while (!endedAhead.isEmpty() && endedAhead.firstKey() == lowestOpen) {
            w = Math.max(w, endedAhead.pollFirstEntry().getValue());
            lowestOpen++;
        }
        if (w > watermarkNs) {
            watermarkNs = w;
            return true;
        }
        return false;
    }

    /** @return the time before which nothing more will be reported, or {@link Long#MIN_VALUE} if none yet */
    long watermarkNs() {
        return watermarkNs;
    }

    /** @return requests that ended above the lowest open id (the memory this class holds) */
    int aheadCount() {
        return endedAhead.size();
    }
}
