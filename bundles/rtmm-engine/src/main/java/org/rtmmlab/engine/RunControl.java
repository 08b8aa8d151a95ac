package org.rtmmlab.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.SchedulerSwap;

/**
 * Steers one run of the default engine from another thread: pause, resume, cancel, pace, scheduler swap, and a live
 * progress snapshot. Hand it to {@link Evaluator#run(org.rtmmlab.api.run.RunConfig, java.nio.file.Path,
 * java.util.function.Consumer, RunControl)}; one control per run.
 *
 * <p>The engine looks at it at the top of every time step (before the events of that time are applied) with one
 * volatile read when nothing is asked ({@link #attention}), and at the end of every metrics window (to close a
 * {@link LiveWindow}). Requests take effect there, on the run's thread, so the run stays single-threaded and a run
 * that is paused and resumed produces byte-identical files to one that is not. Compatibility-mode runs
 * ({@code --xrbench-compat}) refuse {@link #pace} and {@link #swap} (their float32 loop is XRBench's, with no place
 * for either) and ignore the other requests until the run ends.
 *
 * <p>Thread-safe. Listener callbacks ({@link #onChange}) run on the run's thread and must return quickly.
 */
public final class RunControl {

    /** Where the run is, as far as steering goes. */
    public enum Phase {
        /** Created, the run has not reached its first time step. */
        STARTING,
        /** Simulating. */
        RUNNING,
        /** Paused by {@link #pause()}; simulated time stands still. */
        PAUSED,
        /** The running scheduler's plugin left the catalog; waits for one with its id (see {@link #schedulerGone}). */
        WAITING_FOR_SCHEDULER,
        /** Ran to its horizon. */
        COMPLETED,
        /** Ended early by {@link #cancel()}: what was measured up to then is kept. */
        CANCELLED,
        /** Ended early because the scheduler did not return in time: what was measured up to then is kept. */
        FAILED
    }

    /**
     * A swap asked for and not yet applied.
     *
     * @param scheduler  id of the policy to take over
     * @param properties its run properties (the run's {@code engine.*} keys are kept; others are the new policy's)
     */
    public record SwapRequest(String scheduler, Map<String, String> properties) {
        /** Copies the properties. */
        public SwapRequest {
            Objects.requireNonNull(scheduler, "scheduler");
            properties = properties == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(properties));
        }
    }

    /**
     * Figures of a run so far, taken on the run's thread between two time steps.
     *
     * @param simulatedNs  simulated time reached, ns
     * @param horizonNs    the run's horizon, ns
     * @param scheduler    id of the scheduler deciding now
     * @param released     requests released so far
     * @param onTime       completed by their deadline so far
     * @param late         completed after it so far
     * @param dropped      dropped so far
     * @param score        XRBench score (0..100) of the requests ended so far
     * @param missRate     (late + dropped) / ended so far, 0 when none ended
     * @param energyMj     dynamic + switch energy of the blocks finished so far, mJ
     * @param decisions    scheduler calls so far
     */
    public record Progress(long simulatedNs, long horizonNs, String scheduler, long released, long onTime, long late,
                           long dropped, double score, double missRate, double energyMj, long decisions) {
    }

    /**
     * Figures of one closed metrics window ({@code engine.window} wide) of the run, counted by the time things
     * happened in it (not by release time, unlike the {@code window.<i>.*} metrics of summary.json): what a live chart
     * shows while the run goes on.
     *
     * @param startNs   window start, ns (inclusive)
     * @param endNs     window end, ns (exclusive)
     * @param scheduler the scheduler deciding at the window's end
     * @param released  requests released in the window
     * @param ended     requests that ended (completed or dropped) in the window
     * @param missRate  (late + dropped) / ended of the requests that ended in the window, 0 when none did
     * @param energyMj  dynamic + switch energy of the blocks that finished in the window, mJ
     * @param score     XRBench score (0..100) of the requests that ended in the window
     */
    public record LiveWindow(long startNs, long endNs, String scheduler, long released, long ended, double missRate,
                             double energyMj, double score) {
    }

    private static final int PAUSE = 1;
    private static final int CANCEL = 2;
    private static final int SWAP = 4;
    private static final int PACE = 8;
    private static final int PROGRESS = 16;
    private static final int GONE = 32;

    private volatile int attention;
    private volatile double pace;
    private volatile long paceVersion;
    private SwapRequest pendingSwap;
    private String swapError = "";
    private boolean compat;
    private boolean bound;
    private long schedulerTimeoutNs = TimeUnit.SECONDS.toNanos(60);
    private Phase phase = Phase.STARTING;
    private String message = "";
    private volatile Progress progress;
    private final List<LiveWindow> windows = new ArrayList<>();
    private final List<SchedulerSwap> swaps = new ArrayList<>();
    private volatile Runnable onChange = () -> { };

    /** A control for one run at full speed. */
    public RunControl() {
    }

    // ---------------------------------------------------------------- user side

    /** Pauses the run at its next time step (the run's thread blocks there). No effect on an ended run. */
    public synchronized void pause() {
        set(PAUSE);
    }

    /** Resumes a paused run; pacing restarts from the resume instant (the run does not race to catch up). */
    public synchronized void resume() {
        attention &= ~PAUSE;
        notifyAll();
    }

    /**
     * Ends the run at its next time step: requests still queued or running are reported in flight, the result is
     * assembled from what was measured and the files are written, marked cancelled. Wakes a paused or waiting run.
     */
    public synchronized void cancel() {
        set(CANCEL);
    }

    /**
     * Sets the pace: simulated seconds per wall second ({@code 1} = real time, {@code 10} = ten times faster), or 0
     * for as fast as possible. The engine sleeps so that simulated time never runs ahead of pace x wall time since
     * the pace was set (or the run resumed).
     *
     * @throws InvalidInputException if negative or not finite, or the run is in compatibility mode
     */
    public synchronized void pace(double simSecondsPerWallSecond) {
        if (!(simSecondsPerWallSecond >= 0) || Double.isInfinite(simSecondsPerWallSecond)) {
            throw new InvalidInputException("pace", "", "must be a finite number >= 0 (0 = max), got "
                    + simSecondsPerWallSecond);
        }
        if (compat && simSecondsPerWallSecond > 0) {
            throw new InvalidInputException("pace", "", "XRBench compatibility runs cannot be paced");
        }
        pace = simSecondsPerWallSecond;
        paceVersion++;
        if (pace > 0) {
            set(PACE);
        } else {
            attention &= ~PACE;
            notifyAll();
        }
    }

    /** @return the pace, simulated seconds per wall second (0 = max) */
    public double pace() {
        return pace;
    }

    /**
     * Asks for the scheduler to be replaced at the run's next decision point (a later request replaces one not yet
     * applied). The policy is looked up by id in the catalog then; if it is missing or rejects its properties, the
     * swap is not made, the old scheduler goes on and {@link #swapError()} says why.
     *
     * @throws InvalidInputException if the run is in compatibility mode or has ended
     */
    public synchronized void swap(SwapRequest request) {
        Objects.requireNonNull(request, "request");
        if (compat) {
            throw new InvalidInputException("swap", "", "XRBench compatibility runs cannot swap their scheduler");
        }
        if (ended()) {
            throw new InvalidInputException("swap", "", "the run has ended (" + phase.name().toLowerCase() + ")");
        }
        pendingSwap = request;
        swapError = "";
        set(SWAP);
    }

    /** Asks for a {@link Progress} snapshot at the run's next time step (see {@link #progress()}). */
    public void requestProgress() {
        int a = attention;
        if ((a & PROGRESS) == 0) {
            synchronized (this) {
                set(PROGRESS);
            }
        }
    }

    /**
     * Tells the run that its scheduler's plugin may have left the catalog (a bundle was updated or uninstalled): at
     * its next time step the run checks, and if the policy it runs is no longer listed it waits
     * ({@link Phase#WAITING_FOR_SCHEDULER}) for a policy with the same id, up to {@link #schedulerTimeout}. Call it
     * again whenever the catalog changes, so a waiting run sees the policy return at once.
     */
    public synchronized void schedulerGone() {
        set(GONE);
    }

    /** Sets how long a run waits for its scheduler to return before it fails (default 60 s). */
    public synchronized void schedulerTimeout(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("schedulerTimeout < 0");
        }
        schedulerTimeoutNs = nanos;
    }

    /** Sets the callback told (on the run's thread) about every phase change, applied swap and window closed. */
    public void onChange(Runnable callback) {
        onChange = callback == null ? () -> { } : callback;
    }

    /** @return the phase */
    public synchronized Phase phase() {
        return phase;
    }

    /** @return one line: why the run is waiting or failed, or empty */
    public synchronized String message() {
        return message;
    }

    /** @return the latest progress snapshot, or {@code null} before the first one */
    public Progress progress() {
        return progress;
    }

    /** @return the metrics windows closed so far, in time order */
    public synchronized List<LiveWindow> windows() {
        return List.copyOf(windows);
    }

    /** @return the swaps applied so far, in time order */
    public synchronized List<SchedulerSwap> swaps() {
        return List.copyOf(swaps);
    }

    /** @return how many swaps were applied so far */
    public synchronized int swapCount() {
        return swaps.size();
    }

    /** @return why the last swap asked for was not made, or empty */
    public synchronized String swapError() {
        return swapError;
    }

    /** @return true once the run ended (completed, cancelled or failed) */
    public synchronized boolean ended() {
        return phase == Phase.COMPLETED || phase == Phase.CANCELLED || phase == Phase.FAILED;
    }

    // ---------------------------------------------------------------- engine side (the run's thread)

    private void set(int bit) {
        attention |= bit;
        notifyAll();
    }

    /** @return the request bits; non-zero when the engine must look (one volatile read) */
    public int attention() {
        return attention;
    }

    /** Engine: binds the control to a run; compatibility runs refuse pace and swap. */
    synchronized void bind(boolean compatibilityMode) {
        if (bound) {
            throw new IllegalStateException("a RunControl steers one run");
        }
        bound = true;
        if (compatibilityMode && (pace > 0 || pendingSwap != null)) {
            throw new InvalidInputException("run control", "", "XRBench compatibility runs cannot be paced or swapped");
        }
        compat = compatibilityMode;
    }

    /** Engine: true if the run must stop. */
    public boolean cancelRequested() {
        return (attention & CANCEL) != 0;
    }

    /** Engine: true if a pause is asked. */
    public boolean pauseRequested() {
        return (attention & PAUSE) != 0;
    }

    /** Engine: true if a progress snapshot is asked. */
    public boolean progressRequested() {
        return (attention & PROGRESS) != 0;
    }

    /** Engine: true if the scheduler's presence must be checked; clears the request. */
    public boolean takeGoneCheck() {
        if ((attention & GONE) == 0) { // the common case: no lock
            return false;
        }
        synchronized (this) {
            return clearGone();
        }
    }

    private boolean clearGone() {
        boolean gone = (attention & GONE) != 0;
        attention &= ~GONE;
        return gone;
    }

    /** Engine: the pending swap, cleared, or {@code null}. */
    public SwapRequest takeSwap() {
        if ((attention & SWAP) == 0) { // the common case: no lock
            return null;
        }
        synchronized (this) {
            return clearSwap();
        }
    }

    private SwapRequest clearSwap() {
        SwapRequest s = pendingSwap;
        pendingSwap = null;
        attention &= ~SWAP;
        return s;
    }

    /** Engine: publishes a progress snapshot and clears the request. */
    public void publish(Progress p) {
        progress = p;
        synchronized (this) {
            attention &= ~PROGRESS;
        }
    }

    /** Engine: a window closed. */
    public void windowClosed(LiveWindow w) {
        synchronized (this) {
            windows.add(w);
        }
        onChange.run();
    }

    /** Engine: a swap was applied. */
    public void swapped(SchedulerSwap s) {
        synchronized (this) {
            swaps.add(s);
        }
        onChange.run();
    }

    /** Engine: a swap asked for could not be made. */
    public void swapFailed(String why) {
        synchronized (this) {
            swapError = why;
        }
        onChange.run();
    }

    /** Engine: enters a phase with a message. */
    public void phase(Phase p, String why) {
        synchronized (this) {
            phase = p;
            message = why == null ? "" : why;
        }
        onChange.run();
    }

    /** Engine: the pace and a counter that changes whenever the pace is set (to restart the pacing anchor). */
    public long paceVersion() {
        return paceVersion;
    }

    /** Engine: the scheduler timeout, ns. */
    public synchronized long schedulerTimeoutNs() {
        return schedulerTimeoutNs;
    }

    /**
     * Engine: waits on this control up to {@code nanos} or until a request arrives.
     *
     * @return false if interrupted (treated as a cancel)
     */
    public synchronized boolean await(long nanos, int untilAnyOf) {
        if ((attention & untilAnyOf) != 0 || nanos <= 0) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.timedWait(this, nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            set(CANCEL);
            return false;
        }
    }

    /** Engine: blocks while paused (and not cancelled); returns at once if not paused. */
    public synchronized void awaitResume() {
        while ((attention & PAUSE) != 0 && (attention & CANCEL) == 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                set(CANCEL);
            }
        }
    }

    /** Bit masks for {@link #await}. */
    public static final int WAKE_ON_CONTROL = PAUSE | CANCEL | SWAP | PROGRESS | GONE;
    /** Bit masks for {@link #await} while waiting for a scheduler. */
    public static final int WAKE_ON_CATALOG = CANCEL | GONE;
}
