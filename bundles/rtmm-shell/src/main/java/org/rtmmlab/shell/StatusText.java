package org.rtmmlab.shell;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.evaluation.EvaluationRequest;
import org.rtmmlab.evaluation.EvaluationStatus;
import org.rtmmlab.evaluation.ResultEntry;
import org.rtmmlab.shell.options.PaceConverter;

/** The text the shell prints for evaluations and results: one line each, plus a detailed form for one evaluation. */
final class StatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private StatusText() {
    }

    /** @return what was asked, short: {@code VR_gaming on Dual_4K with edf, seed 1} or {@code 2x3x2 runs} */
    static String what(EvaluationRequest r) {
        if (r.isSingleRun()) {
            return r.scenarios().get(0) + " on " + r.platforms().get(0) + " with " + r.schedulers().get(0) + ", seed "
                    + r.seeds().get(0) + (r.xrbenchCompat() ? ", XRBench compat" : "");
        }
        return "compare " + String.join(",", r.schedulers()) + " on " + r.scenarios().size() + " scenario(s) x "
                + r.platforms().size() + " platform(s) x " + r.seeds().size() + " seed(s)";
    }

    /**
     * @return one line: {@code e0003  RUNNING  edf  sim 350.0/700.0 ms  score 87.12  miss 2.3%  energy 123.4 mJ},
     *         with the run count for comparisons and the message when there is one
     */
    static String line(EvaluationStatus s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-6s %-21s %s", s.id(), s.state(), s.scheduler() == null ? "-" : s.scheduler()));
        if (s.runsTotal() > 1) {
            b.append(String.format(Locale.ROOT, "  runs %d/%d", s.runsDone(), s.runsTotal()));
        }
        if (!s.state().isFinal() || s.simulatedNs() > 0) {
            b.append(String.format(Locale.ROOT, "  sim %.1f/%s ms", s.simulatedNs() / 1e6,
                    s.horizonNs() > 0 ? String.format(Locale.ROOT, "%.1f", s.horizonNs() / 1e6) : "?"));
        }
        Double score = s.live().get("xrbench.score");
        Double miss = s.live().get("missRate");
        Double energy = s.live().get("energy.mJ");
        if (score != null) {
            b.append(String.format(Locale.ROOT, "  score %.2f", score));
        }
        if (miss != null) {
            b.append(String.format(Locale.ROOT, "  miss %.1f%%", 100 * miss));
        }
        if (energy != null) {
            b.append(String.format(Locale.ROOT, "  energy %.1f mJ", energy));
        }
        if (!s.swaps().isEmpty()) {
            b.append("  swaps ").append(s.swaps().size());
        }
        if (!s.message().isEmpty()) {
            b.append("  (").append(RtmmCommands.oneLine(s.message())).append(')');
        }
        return b.toString();
    }

    /** @return the detailed form of {@code rtmm:status <id>} */
    static List<String> details(EvaluationStatus s) {
        List<String> out = new ArrayList<>();
        out.add(line(s));
        EvaluationRequest r = s.request();
        out.add("  what       " + what(r));
        out.add("  pace       " + PaceConverter.format(r.pace()) + (r.durationNs() > 0
                ? String.format(Locale.ROOT, ", duration %.1f ms", r.durationNs() / 1e6) : ""));
        if (!r.properties().isEmpty()) {
            out.add("  properties " + r.properties());
        }
        out.add("  submitted  " + TIME.format(s.submitted()) + (s.ended() != null ? ", ended " + TIME.format(s.ended()) : ""));
        for (SchedulerSwap w : s.swaps()) {
            out.add(String.format(Locale.ROOT, "  swap       at %.3f ms: %s (%s %s) -> %s (%s %s)%s", w.timeNs() / 1e6,
                    w.fromScheduler(), w.fromBundle(), w.fromVersion(), w.toScheduler(), w.toBundle(), w.toVersion(),
                    w.properties().isEmpty() ? "" : " " + w.properties()));
        }
        if (!s.windows().isEmpty()) {
            EvaluationStatus.WindowPoint last = s.windows().get(s.windows().size() - 1);
            out.add(String.format(Locale.ROOT, "  windows    %d closed; last [%.1f, %.1f) ms: %s, released %d, miss %.1f%%,"
                            + " score %.2f, energy %.1f mJ", s.windows().size(), last.startNs() / 1e6, last.endNs() / 1e6,
                    last.scheduler(), last.released(), 100 * last.missRate(), last.score(), last.energyMj()));
        }
        if (s.resultDir() != null) {
            out.add("  results    " + s.resultDir());
        }
        return out;
    }

    /** @return {@code e0003  FINISHED  2026-12-07 16:20:01  edf on xrbench/VR_gaming ...  <dir>} */
    static String line(ResultEntry e) {
        return String.format(Locale.ROOT, "%-6s %-11s %s  %s on %s  %s", e.id(), e.state(),
                e.ended() == null ? "-" : TIME.format(e.ended()), String.join(",", e.schedulers()),
                String.join(",", e.scenarios()) + " / " + String.join(",", e.platforms()), e.dir())
                + (e.message().isEmpty() ? "" : "  (" + RtmmCommands.oneLine(e.message()) + ")");
    }
}
