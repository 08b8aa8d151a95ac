package org.rtmmlab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.ScenarioEvent;
import org.rtmmlab.api.workload.Task;

/**
 * The limits that keep a run from hanging the lab, read from the run's {@code engine.*} properties:
 *
 * <ul>
 *   <li>{@value #DECISION_TIMEOUT} (default {@code 10s}, or {@code off}): wall time one call of the scheduler
 *       ({@code decide}, {@code observe}, {@code metrics}) may take before the run fails;</li>
 *   <li>{@value #RUN_TIMEOUT} (default {@code 30min}, or {@code off}): wall time the whole simulation may take;</li>
 *   <li>{@value #MAX_REQUESTS} (default {@value #DEFAULT_MAX_REQUESTS}): most requests the scenario may release
 *       over the run, counted before it starts (each task's shortest period, scenario events included, over the
 *       duration); sized so that a run at the limit takes well under a minute on a 2-core machine;</li>
 *   <li>{@value #MAX_DURATION} (default {@code 1d}): the longest simulated duration;</li>
 *   <li>{@value #MAX_OUTPUT_BYTES} (default {@code 2GiB}, or {@code off}): most bytes the reporters' files of one run
 *       may take, as the reporters estimate them before the run ({@link MetricReporter#estimatedBytes}) from the
 *       request bound above and a block bound (each request's layers as one-layer blocks); a whole number of bytes
 *       or one with a unit {@code KB}, {@code MB}, {@code GB}, {@code TB} (powers of 1000) or {@code KiB},
 *       {@code MiB}, {@code GiB}, {@code TiB} (powers of 1024).</li>
 * </ul>
 *
 * Durations are written in the lab's one grammar ({@link org.rtmmlab.json.Durations}: a number and a unit {@code ns},
 * {@code us}, {@code ms}, {@code s}, {@code m}/{@code min}, {@code h}, {@code d}). A steered run ({@link RunControl}: the container's evaluations, which can be paused and
 * paced) gets the decision timeout only; it is cancelled instead of timed as a whole.
 *
 * @param decisionTimeoutNs wall-time budget of one scheduler call, ns; 0 = none
 * @param runTimeoutNs      wall-time budget of the simulation, ns; 0 = none
 * @param maxRequests       most requests a run may release
 * @param maxDurationNs     longest simulated duration, ns
 * @param maxOutputBytes    most bytes of reporter files per run; 0 = none
 */
public record RunLimits(long decisionTimeoutNs, long runTimeoutNs, long maxRequests, long maxDurationNs,
                        long maxOutputBytes) {

    /** Engine property: wall-time budget of one scheduler call. */
    public static final String DECISION_TIMEOUT = "engine.decisionTimeout";
    /** Engine property: wall-time budget of one run's simulation. */
    public static final String RUN_TIMEOUT = "engine.runTimeout";
    /** Engine property: most requests a run may release. */
    public static final String MAX_REQUESTS = "engine.maxRequests";
    /** Engine property: longest simulated duration. */
    public static final String MAX_DURATION = "engine.maxDuration";
    /** Engine property: most bytes the reporters' files of one run may take. */
    public static final String MAX_OUTPUT_BYTES = "engine.maxOutputBytes";
    /** Default of {@value #MAX_REQUESTS}. */
    public static final long DEFAULT_MAX_REQUESTS = 20_000_000L;
    /**
     * Default of {@value #MAX_OUTPUT_BYTES}: 2 GiB, a guess: far above the files of a default-length run (a 60 s
     * XRBench run writes under 100 MB of CSV) and about the largest CSV a spreadsheet or a pandas session opens
     * comfortably.
     */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 2L << 30;

    private static final String SOURCE = "run properties";

    /** The defaults: 10 s per decision, 30 min per run, 20 million requests, one simulated day, 2 GiB of files. */
    public static final RunLimits DEFAULTS = new RunLimits(TimeUnit.SECONDS.toNanos(10), TimeUnit.MINUTES.toNanos(30),
            DEFAULT_MAX_REQUESTS, TimeUnit.DAYS.toNanos(1), DEFAULT_MAX_OUTPUT_BYTES);

    /**
     * Reads the limits from a run's properties; other keys are ignored.
     *
     * @throws InvalidInputException naming the key and the value as written, for a bad value
     */
    public static RunLimits parse(Map<String, String> properties) {
        RunLimits d = DEFAULTS;
        String v;
        long decision = (v = properties.get(DECISION_TIMEOUT)) == null ? d.decisionTimeoutNs : offOrDuration(DECISION_TIMEOUT, v);
        long run = (v = properties.get(RUN_TIMEOUT)) == null ? d.runTimeoutNs : offOrDuration(RUN_TIMEOUT, v);
        long max = (v = properties.get(MAX_REQUESTS)) == null ? d.maxRequests : count(MAX_REQUESTS, v);
        long dur = (v = properties.get(MAX_DURATION)) == null ? d.maxDurationNs : duration(MAX_DURATION, v);
        long bytes = (v = properties.get(MAX_OUTPUT_BYTES)) == null ? d.maxOutputBytes : offOrBytes(v);
        return new RunLimits(decision, run, max, dur, bytes);
    }

    /** @return these limits without the wall-time budget of the whole run (for runs that may be paused or paced) */
    public RunLimits withoutRunTimeout() {
        return new RunLimits(decisionTimeoutNs, 0, maxRequests, maxDurationNs, maxOutputBytes);
    }

    /** @return true for the keys read here */
    public static boolean isKey(String key) {
        return key.equals(DECISION_TIMEOUT) || key.equals(RUN_TIMEOUT) || key.equals(MAX_REQUESTS)
                || key.equals(MAX_DURATION) || key.equals(MAX_OUTPUT_BYTES);
    }

    /**
     * Refuses, before anything runs, a duration over {@link #maxDurationNs} or a scenario that would release more
     * than {@link #maxRequests} requests over {@code horizonNs}.
     *
     * @throws InvalidInputException with the reason in one line: the figures and the property to raise
     */
    public void checkRun(Scenario scenario, long horizonNs) {
        if (horizonNs > maxDurationNs) {
            throw new InvalidInputException("duration", "", human(horizonNs) + " simulated is over the limit of "
                    + human(maxDurationNs) + " (raise " + MAX_DURATION + " to run longer)");
        }
        long requests = requestBound(scenario, horizonNs);
        if (requests > maxRequests) {
            throw new InvalidInputException("scenario " + scenario.id(), "", "would release up to " + requests
                    + " requests in " + human(horizonNs) + " (over the limit of " + maxRequests
                    + "; the busiest task: " + busiest(scenario) + "); shorten the duration, lengthen the periods or "
                    + "raise " + MAX_REQUESTS);
        }
    }

    /**
     * Refuses, before anything runs, a run whose reporters estimate more bytes of files than {@link #maxOutputBytes}
     * ({@link MetricReporter#estimatedBytes}, given {@link #requestBound} and {@link #blockBound}). A reporter whose
     * estimate throws counts as 0: the estimate is advice, the run's own failure handling covers a broken reporter.
     *
     * @throws InvalidInputException with the reason in one line: the reporters and their estimates, the bounds and
     *                               the property to raise
     */
    public void checkOutput(RunInfo run, List<MetricReporter> reporters, long horizonNs) {
        if (maxOutputBytes <= 0 || reporters.isEmpty()) {
            return;
        }
        long requests = requestBound(run.scenario(), horizonNs);
        long blocks = blockBound(run.scenario(), horizonNs);
        long total = 0;
        List<String> parts = new ArrayList<>();
        for (MetricReporter r : reporters) {
            long bytes;
            try {
                bytes = Math.max(0, r.estimatedBytes(run, requests, blocks));
            } catch (RuntimeException | LinkageError e) {
                bytes = 0;
            }
            if (bytes > 0) {
                total = total > Long.MAX_VALUE - bytes ? Long.MAX_VALUE : total + bytes;
                parts.add("reporter " + r.id() + " about " + bytes(bytes));
            }
        }
        if (total > maxOutputBytes) {
            throw new InvalidInputException("scenario " + run.scenario().id(), "", "the run's files would take "
                    + String.join(", ", parts) + " (up to " + requests + " requests and " + blocks + " blocks in "
                    + human(horizonNs) + "), over the limit of " + bytes(maxOutputBytes) + " (" + MAX_OUTPUT_BYTES
                    + "); shorten the duration, drop the reporter (--report) or raise " + MAX_OUTPUT_BYTES);
        }
    }

    /** @return an upper bound of the requests released over {@code horizonNs}: per task, horizon / shortest period + 1 */
    static long requestBound(Scenario scenario, long horizonNs) {
        Map<String, Long> shortest = shortestPeriods(scenario);
        long total = 0;
        for (long p : shortest.values()) {
            long n = horizonNs / Math.max(1, p) + 1;
            total = total > Long.MAX_VALUE - n ? Long.MAX_VALUE : total + n;
        }
        return total;
    }

    /**
     * @return an estimate of the blocks executed over {@code horizonNs}: per task, its request bound times the layers of
     *         its model's largest variant (each layer a block of its own, the finest granularity a scheduler uses
     *         unless it splits a layer over accelerators)
     */
    static long blockBound(Scenario scenario, long horizonNs) {
        Map<String, Integer> layers = new HashMap<>();
        for (Model m : scenario.models()) {
            int most = 0;
            for (int v = 0; v < m.variantCount(); v++) {
                most = Math.max(most, m.layersOf(v).size());
            }
            layers.put(m.id(), most);
        }
        Map<String, Long> shortest = shortestPeriods(scenario);
        long total = 0;
        for (Task t : scenario.tasks()) {
            long n = horizonNs / Math.max(1, shortest.get(t.id())) + 1;
            long b;
            try {
                b = Math.multiplyExact(n, (long) Math.max(1, layers.getOrDefault(t.model(), 1)));
            } catch (ArithmeticException e) {
                b = Long.MAX_VALUE;
            }
            total = total > Long.MAX_VALUE - b ? Long.MAX_VALUE : total + b;
        }
        return total;
    }

    /** @return a byte count in the largest binary unit that keeps it readable, e.g. {@code 512 B}, {@code 2.5 GiB} */
    static String bytes(long n) {
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return trim(Math.floor(v * 10) / 10) + " " + units[u];
    }

    private static Map<String, Long> shortestPeriods(Scenario scenario) {
        Map<String, Long> shortest = new HashMap<>();
        for (Task t : scenario.tasks()) {
            shortest.put(t.id(), t.periodNs());
        }
        for (ScenarioEvent e : scenario.events()) {
            if (e.kind() == ScenarioEvent.Kind.SET_PERIOD && shortest.containsKey(e.task())) {
                shortest.merge(e.task(), (long) Math.max(1, Math.min(e.value(), 9e18)), Math::min);
            }
        }
        return shortest;
    }

    private static String busiest(Scenario scenario) {
        String id = "";
        long best = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(shortestPeriods(scenario)).entrySet()) {
            if (e.getValue() < best) {
                best = e.getValue();
                id = e.getKey();
            }
        }
        return id + " every " + human(best);
    }

    /** @return a duration in the largest unit that keeps it readable, e.g. {@code 1 ns}, {@code 2.5 s}, {@code 292 years} */
    static String human(long ns) {
        if (ns < 1_000) {
            return ns + " ns";
        }
        if (ns < 1_000_000) {
            return trim(ns / 1e3) + " us";
        }
        if (ns < 1_000_000_000L) {
            return trim(ns / 1e6) + " ms";
        }
        if (ns < 86_400_000_000_000L) {
            return trim(ns / 1e9) + " s";
        }
        return trim(ns / 86_400e9) + " days";
    }

    private static String trim(double d) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", d);
        return s.replaceAll("\\.?0+$", "");
    }

    private static long offOrDuration(String key, String v) {
        return v.trim().equals("off") ? 0 : duration(key, v);
    }

    /** @return {@code v} in whole ns in the lab's one duration grammar ({@link org.rtmmlab.json.Durations}) */
    private static long duration(String key, String v) {
        try {
            return org.rtmmlab.json.Durations.parseNs(v, key.endsWith("Timeout") ? "off" : null);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(SOURCE, key, e.getMessage());
        }
    }

    /** @return {@code v} in bytes: a whole number with an optional unit, or {@code off} (0: no limit) */
    private static long offOrBytes(String v) {
        String t = v.trim();
        if (t.equals("off")) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,19})\\s*([KMGT]i?B|B)?").matcher(t);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "B" : m.group(2);
                long scale = switch (unit) {
                    case "KB" -> 1_000L;
                    case "MB" -> 1_000_000L;
                    case "GB" -> 1_000_000_000L;
                    case "TB" -> 1_000_000_000_000L;
                    case "KiB" -> 1L << 10;
                    case "MiB" -> 1L << 20;
                    case "GiB" -> 1L << 30;
                    case "TiB" -> 1L << 40;
                    default -> 1L;
                };
                if (n >= 1) {
                    return Math.multiplyExact(n, scale);
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // reported below
            }
        }
        throw new InvalidInputException(SOURCE, MAX_OUTPUT_BYTES, "expected a whole number of bytes >= 1 with an "
                + "optional unit (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB) or off, got '" + v + "'");
    }

    private static long count(String key, String v) {
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(SOURCE, key, "expected a whole number >= 1, got '" + v + "'");
    }
}
