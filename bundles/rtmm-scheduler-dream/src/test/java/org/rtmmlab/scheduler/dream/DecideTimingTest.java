package org.rtmmlab.scheduler.dream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.scheduler.Scheduler;
import org.rtmmlab.testkit.HandDecisions;
import org.rtmmlab.testkit.HandView;

/**
 * Issue 11: DREAM's decision time with 4 accelerators and 16 ready jobs (hand-built view, so the figure excludes the
 * engine). Prints median and p99 ns per {@code decide} call (4 dispatches each, so 4 pair searches over 16 x 4 pairs);
 * asserts the decisions only, never a time (shared machines vary). The hand view sums latencies with loops where the
 * engine reads precomputed suffix sums, so the figure is an upper bound; {@code ./rtmm bench} measures in the engine.
 */
class DecideTimingTest {

    @Test
    void printsNanosecondsPerDecisionWithFourAcceleratorsAndSixteenReadyJobs() {
        HandView v = new HandView().at(1_000_000);
        for (int a = 0; a < 4; a++) {
            v.accelerator("npu" + a, 64);
        }
        for (int m = 0; m < 4; m++) {
            long[][] lat = new long[40][];
            for (int l = 0; l < 40; l++) {
                lat[l] = new long[] {1000 + 10 * m + l, 1500 - l, 2000 + 7 * l, 900 + 3 * m};
            }
            int t = v.task("t" + m, v.model("M" + m, lat), 10_000_000);
            for (int k = 0; k < 4; k++) {
                v.job(m * 4 + k, t).arrival(k * 100_000).deadline(5_000_000 + k * 1_000_000).next(k * 3);
            }
        }
        Scheduler s = new DreamPolicy().create(v.context(Map.of()));
        int rounds = 10_000;
        long[] ns = new long[rounds];
        for (int i = 0; i < 2 * rounds; i++) { // the first half warms up
            HandDecisions d = new HandDecisions(v);
            long t0 = System.nanoTime();
            s.decide(v, d);
            long t1 = System.nanoTime();
            if (i >= rounds) {
                ns[i - rounds] = t1 - t0;
            }
            assertEquals(4, d.log().stream().filter(x -> x.contains("@")).count(), "one block per accelerator");
        }
        Arrays.sort(ns);
        System.out.printf("dream decide, 4 accelerators x 16 ready jobs (hand view): median %d ns, p99 %d ns%n",
                ns[rounds / 2], ns[rounds * 99 / 100]);
    }
}
