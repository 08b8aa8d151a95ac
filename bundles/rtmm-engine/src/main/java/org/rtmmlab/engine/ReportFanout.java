package org.rtmmlab.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.run.BlockRecord;
import org.rtmmlab.api.run.MetricReporter;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RequestRecord;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.engine.sim.RecordListener;

/**
 * Streams a run's records to its reporters' sessions. A reporter that throws (in open, a record callback or finish)
 * costs one warning line naming it, except an {@link InvalidInputException} in open (bad user input, such as a
 * reporter's run property), which fails the run before it starts; it gets no further records, and the run and the other reporters go on. Files it
 * already wrote are left alone.
 */
final class ReportFanout implements RecordListener {

    private final Consumer<String> warnings;
    private final List<String> ids = new ArrayList<>();
    private final List<ReportSession> sessions = new ArrayList<>();
    private final List<Boolean> failed = new ArrayList<>();
    private boolean anyActive;

    ReportFanout(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /** Opens one session per reporter, in order. */
    void open(List<MetricReporter> reporters, RunInfo info, Path outputDir) {
        for (MetricReporter r : reporters) {
            String id = safeId(r);
            try {
                ReportSession s = r.open(info, outputDir);
                if (s == null) {
                    warnings.accept("reporter '" + id + "' failed in open: returned no session; run continues without it");
                    continue;
                }
                ids.add(id);
                sessions.add(s);
                failed.add(false);
                anyActive = true;
            } catch (InvalidInputException e) {
                throw e; // the user's input (e.g. a report.* run property) is wrong: the run fails before it starts
            } catch (Exception | LinkageError e) {
                warnings.accept("reporter '" + id + "' failed in open: " + e + "; run continues without it");
            }
        }
    }

    private static String safeId(MetricReporter r) {
        try {
            return r.id();
        } catch (RuntimeException e) {
            return r.getClass().getName();
        }
    }

    private void fail(int i, String where, Throwable e) {
        failed.set(i, true);
        warnings.accept("reporter '" + ids.get(i) + "' failed in " + where + ": " + e
                + "; it gets no further records, the run continues");
        anyActive = failed.contains(Boolean.FALSE);
    }

    @Override
    public boolean wantsBlocks() {
        return anyActive;
    }

    @Override
    public void onBlock(BlockRecord block) {
        for (int i = 0; i < sessions.size(); i++) {
            if (!failed.get(i)) {
                try {
                    sessions.get(i).onBlock(block);
                } catch (Exception | LinkageError e) {
                    fail(i, "onBlock", e);
                }
            }
        }
    }

    @Override
    public void onRequest(RequestRecord request) {
        for (int i = 0; i < sessions.size(); i++) {
            if (!failed.get(i)) {
                try {
                    sessions.get(i).onRequest(request);
                } catch (Exception | LinkageError e) {
                    fail(i, "onRequest", e);
                }
            }
        }
    }

    @Override
    public void onSwap(SchedulerSwap swap) {
        for (int i = 0; i < sessions.size(); i++) {
            if (!failed.get(i)) {
                try {
                    sessions.get(i).onSwap(swap);
                } catch (Exception | LinkageError e) {
                    fail(i, "onSwap", e);
                }
            }
        }
    }

    /** The run failed: lets every open session release its files (errors are ignored, the files are discarded). */
    void abort() {
        for (int i = 0; i < sessions.size(); i++) {
            try {
                sessions.get(i).abort();
            } catch (Exception | LinkageError e) {
                // the run already failed with the real cause; a reporter's cleanup problem adds nothing
            }
        }
    }

    /**
     * Finishes every session that has not failed.
     *
     * @return the extra figures the reporters returned, merged in reporter order (first one wins on a clash)
     */
    Map<String, Double> finish(RunResult result) {
        Map<String, Double> extra = new TreeMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            if (failed.get(i)) {
                continue;
            }
            try {
                Map<String, Double> figures = sessions.get(i).finish(result);
                if (figures != null) {
                    for (Map.Entry<String, Double> e : figures.entrySet()) {
                        if (e.getKey() != null && e.getValue() != null) {
                            extra.putIfAbsent(e.getKey(), e.getValue());
                        }
                    }
                }
            } catch (Exception | LinkageError e) {
                failed.set(i, true);
                warnings.accept("reporter '" + ids.get(i) + "' failed in finish: " + e);
            }
        }
        return extra;
    }
}
