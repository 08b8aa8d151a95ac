package org.rtmmlab.scheduler.dream;

/**
 * What the tuner observes in one window: the energy of the requests that ended in it (their layer and switch energy,
 * from the records) plus the accelerators' idle energy over the window, E_ref of those requests (each its full model
 * on its minimum-energy accelerator, the engine's definition), the late and dropped ones among them, and the work
 * released in it. Mutable, reused; no allocation.
 */
final class WindowAccount {

    double energyPj;
    double refPj;
    long ended;
    long late;
    long dropped;
    double offeredNs;
    long released;

    /** Adds one ended request. */
    void addEnded(double energyPj, double refPj, boolean late, boolean dropped) {
        this.energyPj += energyPj;
        this.refPj += refPj;
        ended++;
        if (late) {
            this.late++;
        }
        if (dropped) {
            this.dropped++;
        }
    }

    /** Moves everything of {@code other} into this one and clears {@code other}. */
    void takeFrom(WindowAccount other) {
        energyPj += other.energyPj;
        refPj += other.refPj;
        ended += other.ended;
        late += other.late;
        dropped += other.dropped;
        offeredNs += other.offeredNs;
        released += other.released;
        other.clear();
    }

    /** @return (E / E_ref) x max(floor, (late + dropped) / ended), or NaN when nothing ended */
    double uxcost(double floor) {
        if (ended == 0 || !(refPj > 0)) {
            return Double.NaN;
        }
        return energyPj / refPj * Math.max(floor, (double) (late + dropped) / ended);
    }

    void clear() {
        energyPj = 0;
        refPj = 0;
        ended = 0;
        late = 0;
        dropped = 0;
        offeredNs = 0;
        released = 0;
    }
}
