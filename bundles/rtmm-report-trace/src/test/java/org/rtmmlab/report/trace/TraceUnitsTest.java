package org.rtmmlab.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of the trace writer: time text, lanes, the watermark, the counter buffer, cascade anchors. */
class TraceUnitsTest {

    @Test
    void microsecondsAreExactDecimalText() {
        assertEquals("0", TraceWriter.micros(0));
        assertEquals("0.001", TraceWriter.micros(1));
        assertEquals("16666.667", TraceWriter.micros(16_666_667));
        assertEquals("16000", TraceWriter.micros(16_000_000));
        assertEquals("1.5", TraceWriter.micros(1_500));
        assertEquals("-2.25", TraceWriter.micros(-2_250));
        assertEquals("600000000", TraceWriter.micros(600_000_000_000L));
        assertEquals("16.666667", TraceSession.millis(16_666_667));
        assertEquals("-0.5", TraceSession.millis(-500_000));
        assertEquals("0", TraceSession.millis(0));
    }

    @Test
    void lanesKeepOverlappingBlocksApartAndReuseFreeOnes() {
        Lanes l = new Lanes();
        assertEquals(0, l.assign(0, 10));
        assertEquals(0, l.assign(10, 20), "back to back on lane 0");
        assertEquals(1, l.assign(15, 25), "overlaps the block on lane 0");
        assertEquals(2, l.assign(12, 30), "overlaps both");
        assertEquals(0, l.assign(20, 31), "lane 0 free again at 20");
        assertEquals(3, l.used());
        Lanes many = new Lanes();
        for (int i = 0; i < Lanes.MAX + 10; i++) {
            assertTrue(many.assign(0, 100 + i) < Lanes.MAX);
        }
        assertEquals(Lanes.MAX, many.used());
    }

    @Test
    void watermarkIsTheArrivalOfTheLastContiguouslyEndedRequest() {
        ReleaseWatermark w = new ReleaseWatermark();
        assertEquals(Long.MIN_VALUE, w.watermarkNs());
        assertFalse(w.ended(1, 100), "request 0 still open");
        assertFalse(w.ended(3, 300));
        assertEquals(2, w.aheadCount());
        assertTrue(w.ended(0, 0));
        assertEquals(100, w.watermarkNs(), "0 and 1 ended, 2 open: nothing unknown arrived before 100");
        assertTrue(w.ended(2, 200));
        assertEquals(300, w.watermarkNs());
        assertEquals(0, w.aheadCount());
        assertFalse(w.ended(2, 200), "a repeated id changes nothing");
    }

    @Test
    void countersAreWrittenInTimeOrderOnceFinal() throws IOException {
        List<String> out = new ArrayList<>();
        CounterTimeline c = new CounterTimeline(1, new CounterTimeline.Sink() {
            @Override
            public void queue(long tsNs, long queued, long started) {
                out.add("q@" + tsNs + "=" + queued + "/" + started);
            }

            @Override
            public void busy(long tsNs, int acc, double share) {
                out.add("b" + acc + "@" + tsNs + "=" + share);
            }
        });
        // a request arriving at 10, starting at 20, ending at 50 (reported at 50); a block [20, 50) at half share
        c.busy(0, 20, 50, 0.5);
        c.change(10, CounterTimeline.QUEUED, 1);
        c.change(20, CounterTimeline.QUEUED, -1);
        c.change(20, CounterTimeline.STARTED, 1);
        c.change(50, CounterTimeline.STARTED, -1);
        // an earlier-arriving request (5) that ended at 8 without starting, reported before the watermark passed
        c.change(5, CounterTimeline.QUEUED, 1);
        c.change(8, CounterTimeline.QUEUED, -1);
        c.advance(20);
        assertEquals(List.of("q@5=1/0", "q@8=0/0", "q@10=1/0"), out);
        c.flush();
        assertEquals(List.of("q@5=1/0", "q@8=0/0", "q@10=1/0", "q@20=0/1", "b0@20=0.5", "q@50=0/0", "b0@50=0.0"), out);
        assertEquals(0, c.lateChanges());
        assertEquals(0, c.pending());
        c.change(30, CounterTimeline.QUEUED, 1);
        assertEquals(1, c.lateChanges(), "a change behind the written time is applied at it and counted");
        assertEquals("q@50=1/0", out.get(out.size() - 1));
    }

    @Test
    void cascadeAnchorsAreBoundedPerTask() {
        CascadeLinks links = new CascadeLinks(2);
        assertNull(links.get(0, 0));
        for (int f = 0; f < CascadeLinks.PER_TASK + 5; f++) {
            links.put(0, f, new CascadeLinks.Anchor(1, 1, f));
        }
        assertNull(links.get(0, 4), "oldest frames forgotten");
        assertNotNull(links.get(0, 5));
        assertEquals(CascadeLinks.PER_TASK + 4, links.get(0, CascadeLinks.PER_TASK + 4).tsNs());
        assertNull(links.get(1, 0));
    }
}
