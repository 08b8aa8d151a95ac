package org.rtmmlab.shell;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.rtmmlab.evaluation.EvaluationService;
import org.rtmmlab.evaluation.EvaluationState;
import org.rtmmlab.evaluation.EvaluationStatus;

/**
 * Follows one evaluation for a blocking {@code rtmm:run}/{@code rtmm:compare}: prints a progress line on every
 * change of state, every swap and at most once per {@code intervalMs} otherwise, until the evaluation ends. An
 * interrupt of the waiting thread (Ctrl-C, see {@link ConsoleInterrupt}) detaches: the watch stops, the evaluation
 * keeps running, and the command says how to follow or cancel it.
 */
final class Watch {

    private final EvaluationService service;
    private final PrintStream out;
    private final long intervalMs;

    Watch(EvaluationService service, PrintStream out, long intervalMs) {
        this.service = service;
        this.out = out;
        this.intervalMs = intervalMs;
    }

    /**
     * @return the final status, or {@code null} if the wait was interrupted (then the detach line was printed)
     */
    EvaluationStatus follow(String id) {
        BlockingQueue<EvaluationStatus> updates = new LinkedBlockingQueue<>();
        EvaluationState lastState = null;
        int lastSwaps = 0;
        long lastPrint = 0;
        try (AutoCloseable h = service.watch(id, updates::add)) {
            while (true) {
                EvaluationStatus s = updates.take();
                if (s.state().isFinal()) {
                    return s;
                }
                long now = System.nanoTime() / 1_000_000;
                boolean changed = s.state() != lastState || s.swaps().size() != lastSwaps;
                if (changed || now - lastPrint >= intervalMs) {
                    out.println(StatusText.line(s));
                    lastState = s.state();
                    lastSwaps = s.swaps().size();
                    lastPrint = now;
                }
            }
        } catch (InterruptedException e) {
            out.println("detached from " + id + " (it keeps running): rtmm:status " + id + " to follow it, rtmm:cancel "
                    + id + " to stop it");
            return null;
        } catch (Exception e) { // closing the watch handle
            throw new IllegalStateException("watching " + id + " failed: " + e, e);
        }
    }
}
