package org.rtmmlab.engine.sim;

/**
 * Mutable state of one released request while the engine executes it. Instances are pooled by {@link JobTable}
 * and reused after the request ended; {@link #generation} tells a stale event (e.g. a deadline check of a request
 * that already finished) from one meant for the current occupant.
 */
final class Job {

    /** pool slot, fixed for the object's life. */
    final int slot;
    /** incremented each time the slot is reused. */
    int generation;

    long id;
    int task;
    int model;
    int variant;
    long frame;
    long arrivalNs;
    long deadlineNs;
    int nextLayer;
    int layerCount;
    long lastEndNs;
    int lastAccelerator;
    /** accelerator executing a block of this job now, or -1 while it waits. */
    int runningOn;
    long startNs;
    double energyPj;
    boolean ended;
    /** accelerators used, in order of first use. */
    int[] used;
    int usedCount;
    /** bit {@code a} set when accelerator {@code a} (below 64) is in {@link #used}. */
    long usedMask;

    // the block in execution
    int blockFirst;
    int blockLayers;
    long blockStartNs;
    long blockEndNs;
    long blockLatencyNs;
    long blockSwitchNs;
    double blockEnergyPj;
    double blockSwitchPj;
    double blockShare;

    Job(int slot, int accelerators) {
        this.slot = slot;
        this.used = new int[Math.max(1, accelerators)];
    }

    /** Resets every field for a new request. */
    void reset(long requestId, int taskIndex, int modelIndex, long frameNo, long arrival, long deadline, int layers) {
        generation++;
        id = requestId;
        task = taskIndex;
        model = modelIndex;
        variant = 0;
        frame = frameNo;
        arrivalNs = arrival;
        deadlineNs = deadline;
        nextLayer = 0;
        layerCount = layers;
        lastEndNs = arrival;
        lastAccelerator = -1;
        runningOn = -1;
        startNs = -1;
        energyPj = 0;
        ended = false;
        usedCount = 0;
        usedMask = 0;
        blockFirst = 0;
        blockLayers = 0;
        blockStartNs = 0;
        blockEndNs = 0;
        blockLatencyNs = 0;
        blockSwitchNs = 0;
        blockEnergyPj = 0;
        blockSwitchPj = 0;
        blockShare = 0;
    }

    /** @return true if the job waits for dispatch (released, not ended, no block running) */
    boolean waiting() {
        return !ended && runningOn < 0;
    }

    /** Notes that accelerator {@code a} ran a block of this job. */
    void use(int a) {
        if (a < 64) {
            long bit = 1L << a;
            if ((usedMask & bit) != 0) {
                return;
            }
            usedMask |= bit;
        } else {
            for (int i = 0; i < usedCount; i++) {
                if (used[i] == a) {
                    return;
                }
            }
        }
        used[usedCount++] = a;
    }
}
