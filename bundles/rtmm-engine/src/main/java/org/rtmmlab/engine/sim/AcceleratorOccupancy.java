package org.rtmmlab.engine.sim;

/**
 * What each accelerator of a run is doing, the one copy both engines (default and XRBench compatibility) write:
 * the blocks running on it, the share of it they hold, when the last of them ends, and how long it has been busy.
 * The scheduler's view and the decision checks read it. Arrays indexed by accelerator; no allocation after
 * construction. Single-threaded; one instance per run.
 */
final class AcceleratorOccupancy {

    private final int[] partitions;
    private final int[] running;
    private final double[] usedShare;
    private final long[] busyUntil;
    private final long[] busySince;
    private final long[] busyNs;
    /** end times of the blocks running on each accelerator ({@code running[a]} valid entries; its partition count). */
    private final long[][] blockEnds;

    /** @param partitions each accelerator's partition count (how many blocks it may run at once), by index */
    AcceleratorOccupancy(int[] partitions) {
        int n = partitions.length;
        this.partitions = partitions.clone();
        running = new int[n];
        usedShare = new double[n];
        busyUntil = new long[n];
        busySince = new long[n];
        busyNs = new long[n];
        blockEnds = new long[n][];
        for (int a = 0; a < n; a++) {
            blockEnds[a] = new long[Math.max(1, partitions[a])];
        }
    }

    /** @return how many blocks accelerator {@code a} may run at once */
    int partitions(int a) {
        return partitions[a];
    }

    /** @return how many blocks run on accelerator {@code a} now */
    int running(int a) {
        return running[a];
    }

    /** @return true if no block runs on accelerator {@code a} */
    boolean idle(int a) {
        return running[a] == 0;
    }

    /** @return the share of accelerator {@code a} its running blocks hold, 0 when idle */
    double usedShare(int a) {
        return usedShare[a];
    }

    /** @return the share a new block may take on {@code a}: 0 when all its partitions are taken */
    double freeShare(int a) {
        if (running[a] >= partitions[a]) {
            return 0;
        }
        return Math.max(0, 1.0 - usedShare[a]);
    }

    /** @return when the last block running on {@code a} ends, or {@code nowNs} when it is idle */
    long busyUntilNs(int a, long nowNs) {
        return running[a] == 0 ? nowNs : busyUntil[a];
    }

    /** Marks accelerator {@code a} as running one more block with {@code share}, occupied from {@code startNs}. */
    void occupy(int a, double share, long startNs, long endNs) {
        int r = running[a];
        if (r == 0) {
            busySince[a] = startNs;
            busyUntil[a] = endNs;
            usedShare[a] = share;
        } else {
            busyUntil[a] = Math.max(busyUntil[a], endNs);
            usedShare[a] += share;
        }
        blockEnds[a][r] = endNs;
        running[a] = r + 1;
    }

    /**
     * Frees the share of a block that ended at {@code endNs} on accelerator {@code a}: its busy time is booked when
     * the last block leaves, and busy-until becomes the latest end of the blocks still running (at least
     * {@code endNs}).
     */
    void vacate(int a, double share, long endNs) {
        int r = running[a] - 1;
        running[a] = r;
        if (r == 0) {
            usedShare[a] = 0;
            busyNs[a] += endNs - busySince[a];
            busyUntil[a] = endNs;
            return;
        }
        usedShare[a] = Math.max(0, usedShare[a] - share);
        long[] ends = blockEnds[a];
        int i = 0;
        while (ends[i] != endNs) { // blocks with equal ends are interchangeable
            if (++i > r) {
                throw new IllegalStateException("no block ending at " + endNs + " ns runs on accelerator " + a);
            }
        }
        ends[i] = ends[r];
        long until = endNs;
        for (int k = 0; k < r; k++) {
            until = Math.max(until, ends[k]);
        }
        busyUntil[a] = until;
    }

    /**
     * Ends the run at {@code endNs}: an accelerator still running blocks has been busy up to then.
     *
     * @return time with at least one block running, ns, per accelerator (a new array)
     */
    long[] busyNsUntil(long endNs) {
        long[] out = busyNs.clone();
        for (int a = 0; a < out.length; a++) {
            if (running[a] > 0) {
                out[a] += Math.max(0, endNs - busySince[a]);
            }
        }
        return out;
    }
}
