package org.rtmmlab.engine.metrics;

import java.util.Arrays;
import java.util.Map;

/**
 * Per-window request accounting: the run is cut into windows of {@code windowNs} ({@code [i x w, (i+1) x w)}) and
 * every request is counted in the window of its <em>release</em> time, by outcome, so that per window and task
 * released = onTime + late + dropped + inFlight, exactly as for the whole run. Primitive arrays only; deterministic.
 *
 * <p>Metric names, added to each task's metrics: {@code window.<i>.released}, {@code .onTime}, {@code .late},
 * {@code .dropped}, {@code .inFlight}, {@code .missRate} ((late + dropped) / ended, 0 when nothing ended) and
 * {@code .latency.mean.ms} (mean arrival-to-finish latency of the completed requests, only when there is one).
 * {@code <i>} is the window index, zero-padded to the width of the last index so that sorted names are in time
 * order ({@code window.03} ... {@code window.12}). Run level: {@value #WINDOW_MS}, the width in ms.
 */
public final class WindowMetrics {

    /** Run metric: window width, ms. */
    public static final String WINDOW_MS = "window.ms";

    private final int tasks;
    private final long windowNs;
    private final int windows;
    private final long[] released;
    private final long[] onTime;
    private final long[] late;
    private final long[] dropped;
    private final long[] inFlight;
    private final long[] latencySumNs;

    /**
     * @param tasks     number of tasks
     * @param windowNs  window width, ns (&gt; 0)
     * @param horizonNs simulated duration, ns; releases at or after it go to the last window
     */
    public WindowMetrics(int tasks, long windowNs, long horizonNs) {
        this.tasks = tasks;
        this.windowNs = windowNs;
        this.windows = (int) Math.max(1, (horizonNs + windowNs - 1) / windowNs);
        int n = windows * tasks;
        released = new long[n];
        onTime = new long[n];
        late = new long[n];
        dropped = new long[n];
        inFlight = new long[n];
        latencySumNs = new long[n];
    }

    private int slot(int t, long arrivalNs) {
        long w = Math.min(windows - 1, Math.max(0, arrivalNs / windowNs));
        return (int) w * tasks + t;
    }

    /** A request of task {@code t} was released at {@code arrivalNs}. */
    public void released(int t, long arrivalNs) {
        released[slot(t, arrivalNs)]++;
    }

    /** A request of task {@code t} released at {@code arrivalNs} completed with {@code latencyNs}. */
    public void completed(int t, long arrivalNs, long latencyNs, boolean onTimeFinished) {
        int s = slot(t, arrivalNs);
        if (onTimeFinished) {
            onTime[s]++;
        } else {
            late[s]++;
        }
        latencySumNs[s] += latencyNs;
    }

    /** A request of task {@code t} released at {@code arrivalNs} was dropped. */
    public void dropped(int t, long arrivalNs) {
        dropped[slot(t, arrivalNs)]++;
    }

    /** A request of task {@code t} released at {@code arrivalNs} was still in flight at the end. */
    public void inFlight(int t, long arrivalNs) {
        inFlight[slot(t, arrivalNs)]++;
    }

    /** @return number of windows */
    public int windows() {
        return windows;
    }

    /** @return window width, ns */
    public long windowNs() {
        return windowNs;
    }

    /** @return the metric name prefix of window {@code w}, e.g. {@code window.07.} */
    public String prefix(int w) {
        int width = Integer.toString(windows - 1).length();
        char[] digits = new char[width];
        Arrays.fill(digits, '0');
        String s = Integer.toString(w);
        System.arraycopy(s.toCharArray(), 0, digits, width - s.length(), s.length());
        return "window." + new String(digits) + ".";
    }

    /** Adds task {@code t}'s per-window figures to {@code out}. */
    public void addTo(int t, Map<String, Double> out) {
        for (int w = 0; w < windows; w++) {
            int s = w * tasks + t;
            String p = prefix(w);
            long completed = onTime[s] + late[s];
            long ended = completed + dropped[s];
            out.put(p + "released", (double) released[s]);
            out.put(p + "onTime", (double) onTime[s]);
            out.put(p + "late", (double) late[s]);
            out.put(p + "dropped", (double) dropped[s]);
            out.put(p + "inFlight", (double) inFlight[s]);
            out.put(p + "missRate", ended == 0 ? 0.0 : (double) (late[s] + dropped[s]) / ended);
            if (completed > 0) {
                out.put(p + "latency.mean.ms", latencySumNs[s] / 1e6 / completed);
            }
        }
    }
}
