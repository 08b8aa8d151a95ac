package org.rtmmlab.engine.sim;

import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.json.Durations;

/**
 * The engine's own run properties (keys under {@code engine.} in {@link org.rtmmlab.api.run.RunConfig#properties()}).
 *
 * <ul>
 *   <li>{@value DropRule#PROPERTY} = {@code queued-late} (default) | {@code none}: the default-mode deadline rule.</li>
 *   <li>{@value #WINDOW} = a duration ({@code 250ms}, {@code 1s}, {@code 2.5s}, {@code 500000ns}, {@code 100us}) or
 *       {@code off}: width of the per-window metrics (default {@code 1s}; a run longer than
 *       {@value #MAX_WINDOWS} default windows gets {@code ceil(duration / }{@value #MAX_WINDOWS}{@code )} rounded up
 *       to whole seconds instead; an explicit width giving more than {@value #MAX_WINDOWS} windows is an error).</li>
 *   <li>{@value #XRBENCH_ACCURACY} = {@code false} (default) | {@code true}: multiply each completed frame's XRBench
 *       RT x EN by the relative accuracy of the variant that ran it (the optional accuracy factor of docs/metrics.md).
 *       Off by default so the XRBench reproduction stays exact.</li>
 *   <li>{@value #UXCOST_FLOOR} = a number in [0, 1] (default 0): the floor epsilon on UXCost's violation rate V
 *       (docs/metrics.md), so runs without a single miss still rank by energy.</li>
 * </ul>
 *
 * @param dropRule         default-mode deadline rule
 * @param windowNs         width of the per-window metrics, ns; 0 = no window metrics
 * @param xrbenchAccuracy  whether the XRBench score includes the accuracy factor
 * @param uxcostFloor      floor on UXCost's violation rate, in [0, 1]
 */
public record EngineOptions(DropRule dropRule, long windowNs, boolean xrbenchAccuracy, double uxcostFloor) {

    /** Engine property: width of the per-window metrics. */
    public static final String WINDOW = "engine.window";
    /** Engine property: floor epsilon on UXCost's violation rate. */
    public static final String UXCOST_FLOOR = "engine.uxcostFloor";
    /** Engine property: XRBench accuracy factor on or off. */
    public static final String XRBENCH_ACCURACY = "engine.xrbenchAccuracy";
    /** Default window width: 1 s. */
    public static final long DEFAULT_WINDOW_NS = 1_000_000_000L;
    /** Most windows a run reports. */
    public static final int MAX_WINDOWS = 10_000;

    private static final String SOURCE = "run properties";

    /** The defaults: queued-late drops, 1 s windows, no accuracy factor, no UXCost floor. */
    public static final EngineOptions DEFAULTS = new EngineOptions(DropRule.QUEUED_LATE, DEFAULT_WINDOW_NS, false, 0);

    /**
     * Reads the {@code engine.*} entries of {@code properties}; other keys are ignored (they belong to the scheduler).
     *
     * @param properties run properties
     * @param horizonNs  the run's simulated duration, ns (&gt; 0), to size the default window
     * @throws InvalidInputException for an unknown {@code engine.} key or a bad value
     */
    public static EngineOptions parse(Map<String, String> properties, long horizonNs) {
        DropRule rule = DropRule.QUEUED_LATE;
        long window = -1;
        boolean accuracy = false;
        double floor = 0;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("engine.")) {
                continue;
            }
            String v = e.getValue().trim();
            switch (key) {
                case DropRule.PROPERTY -> rule = DropRule.parse(v);
                case WINDOW -> window = window(v, horizonNs);
                case XRBENCH_ACCURACY -> accuracy = bool(key, v);
                case UXCOST_FLOOR -> floor = fraction(key, v);
                default -> {
                    if (!org.rtmmlab.engine.RunLimits.isKey(key)) { // limits: read by the Evaluator (issue 17)
                        throw new InvalidInputException(SOURCE, key, "unknown engine property; known: "
                                + String.join(", ", DropRule.PROPERTY, WINDOW, XRBENCH_ACCURACY, UXCOST_FLOOR,
                                org.rtmmlab.engine.RunLimits.DECISION_TIMEOUT, org.rtmmlab.engine.RunLimits.RUN_TIMEOUT,
                                org.rtmmlab.engine.RunLimits.MAX_REQUESTS, org.rtmmlab.engine.RunLimits.MAX_DURATION,
                                org.rtmmlab.engine.RunLimits.MAX_OUTPUT_BYTES));
                    }
                }
            }
        }
        if (window < 0) {
            window = defaultWindow(horizonNs);
        }
        return new EngineOptions(rule, window, accuracy, floor);
    }

    /** @return 1 s, or for runs longer than {@value #MAX_WINDOWS} s the smallest whole-second width that fits */
    static long defaultWindow(long horizonNs) {
        long perWindow = (horizonNs + MAX_WINDOWS - 1) / MAX_WINDOWS;
        long seconds = Math.max(1, (perWindow + DEFAULT_WINDOW_NS - 1) / DEFAULT_WINDOW_NS);
        return seconds * DEFAULT_WINDOW_NS;
    }

    private static long window(String v, long horizonNs) {
        if (v.equals("off")) {
            return 0;
        }
        long ns = duration(v);
        long count = (horizonNs + ns - 1) / ns;
        if (count > MAX_WINDOWS) {
            throw new InvalidInputException(SOURCE, WINDOW, v + " gives " + count + " windows over the run; at most "
                    + MAX_WINDOWS + " (choose a wider window or off)");
        }
        return ns;
    }

    /** @return {@code v} in whole ns, &gt; 0, in the lab's one duration grammar ({@link Durations}) */
    static long duration(String v) {
        try {
            return Durations.parseNs(v, "off");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(SOURCE, WINDOW, e.getMessage());
        }
    }

    private static double fraction(String key, String v) {
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(SOURCE, key, "expected a number in [0, 1], got '" + v + "'");
    }

    private static boolean bool(String key, String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new InvalidInputException(SOURCE, key, "expected true or false, got '" + v + "'");
    }
}
