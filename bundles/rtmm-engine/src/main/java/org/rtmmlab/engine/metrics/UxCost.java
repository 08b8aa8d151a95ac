package org.rtmmlab.engine.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.run.FrameCounts;

/**
 * UXCost, DREAM's energy-delay-product analogue for real-time work, as docs/metrics.md reconstructs it: the DREAM
 * paper's exact formula is not in our sources, so this is a labelled reconstruction (metric {@value #LABEL} = 1 in
 * every result that carries it). UXCost = (E / E_ref) x V, where
 * <ul>
 *   <li>E = the run's total energy (dynamic + switch + idle), mJ;</li>
 *   <li>E_ref = the energy of running every released frame once, whole, on the accelerator where its full model
 *       costs least energy (no idle, no switches), mJ;</li>
 *   <li>V = max(floor, (late + dropped) / released), the violation rate, with the optional floor epsilon
 *       ({@code engine.uxcostFloor}, default 0) so runs without a miss still rank by energy.</li>
 * </ul>
 * Lower is better. Reported beside it: E_ref, E / E_ref, V and its late and dropped parts (without the floor).
 */
public final class UxCost {

    /** Run metric: UXCost. */
    public static final String UXCOST = "uxcost";
    /** Run metric: 1, marks UXCost as the docs/metrics.md reconstruction, not the DREAM paper's own formula. */
    public static final String LABEL = "uxcost.reconstruction";
    /** Run metric: E_ref, mJ. */
    public static final String ENERGY_REF = "uxcost.energyRef.mJ";
    /** Run metric: E / E_ref. */
    public static final String ENERGY_RATIO = "uxcost.energyRatio";
    /** Run metric: V as used (with the floor). */
    public static final String VIOLATION = "uxcost.violation";
    /** Run metric: late / released. */
    public static final String VIOLATION_LATE = "uxcost.violation.late";
    /** Run metric: dropped / released. */
    public static final String VIOLATION_DROPPED = "uxcost.violation.dropped";

    private UxCost() {
    }

    /**
     * @param energyMj    E, mJ
     * @param energyRefMj E_ref, mJ (0 when nothing was released)
     * @param frames      the run's frame accounting
     * @param floor       floor epsilon on V, in [0, 1]
     * @return the figures above; empty when nothing was released (UXCost is undefined)
     */
    public static Map<String, Double> figures(double energyMj, double energyRefMj, FrameCounts frames, double floor) {
        Map<String, Double> m = new TreeMap<>();
        if (frames.released() == 0 || !(energyRefMj > 0)) {
            return m;
        }
        double late = (double) frames.late() / frames.released();
        double dropped = (double) frames.dropped() / frames.released();
        double v = Math.max(floor, late + dropped);
        double ratio = energyMj / energyRefMj;
        m.put(UXCOST, ratio * v);
        m.put(LABEL, 1.0);
        m.put(ENERGY_REF, energyRefMj);
        m.put(ENERGY_RATIO, ratio);
        m.put(VIOLATION, v);
        m.put(VIOLATION_LATE, late);
        m.put(VIOLATION_DROPPED, dropped);
        return m;
    }
}
