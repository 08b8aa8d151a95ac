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
    /** the accelerators used, in order of first use: a node of the run's {@link AcceleratorPaths}. */
    int usedPath;

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

    Job(int slot) {
        this.slot = slot;
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
        usedPath = 0;
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
}
