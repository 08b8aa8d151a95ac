package org.rtmmlab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pop order (time, kind priority, insertion) against a sorted reference, with and without the lane. */
class EventQueueTest {

    private record Event(long time, int kind, long seq, int a, int b) {
    }

    private static final Comparator<Event> ORDER = Comparator.comparingLong(Event::time)
            .thenComparingInt(Event::kind).thenComparingLong(Event::seq);

    @Test
    void equalTimesPopByKindThenInsertion() {
        EventQueue q = new EventQueue(1);
        q.push(5, 3, 30, 0);
        q.push(5, 1, 10, 0); // lane
        q.push(5, 0, 0, 0);
        q.push(5, 1, 11, 0); // lane, inserted later
        q.push(4, 2, 20, 0);
        int[] expected = {20, 0, 10, 11, 30};
        for (int e : expected) {
            q.pop();
            assertEquals(e, q.a());
        }
        assertTrue(q.isEmpty());
    }

    @Test
    void payloadsKeepTheirSignAndBothHalves() {
        EventQueue q = new EventQueue(2);
        q.push(1, 2, -7, Integer.MIN_VALUE);
        q.push(2, 0, Integer.MAX_VALUE, -1);
        q.pop();
        assertEquals(-7, q.a());
        assertEquals(Integer.MIN_VALUE, q.b());
        assertEquals(2, q.kind());
        q.pop();
        assertEquals(Integer.MAX_VALUE, q.a());
        assertEquals(-1, q.b());
        assertEquals(2, q.time());
    }

    @Test
    void randomPushesAndPopsFollowTheReferenceOrder() {
        for (int lane : new int[] {-1, 1}) {
            SplittableRandom r = new SplittableRandom(42 + lane);
            EventQueue q = new EventQueue(lane);
            PriorityQueue<Event> pending = new PriorityQueue<>(ORDER);
            long seq = 0;
            long now = 0;
            for (int step = 0; step < 20_000; step++) {
                if (pending.isEmpty() || r.nextInt(3) > 0) {
                    int kind = r.nextInt(5);
                    long t = now + r.nextInt(kind == 1 ? 4 : 50); // lane events cluster near now, with ties
                    Event e = new Event(t, kind, seq++, r.nextInt(), r.nextInt());
                    q.push(e.time(), e.kind(), e.a(), e.b());
                    pending.add(e);
                } else {
                    Event e = pending.poll();
                    assertEquals(e.time(), q.peekTime(), "peek at step " + step);
                    q.pop();
                    assertEquals(e, new Event(q.time(), q.kind(), e.seq(), q.a(), q.b()), "step " + step);
                    now = e.time();
                }
                assertEquals(pending.size(), q.size());
            }
        }
    }

    @Test
    void popAtTakesOnlyEventsOfThatTimeInTheReferenceOrder() {
        for (int lane : new int[] {-1, 1}) {
            SplittableRandom r = new SplittableRandom(7 + lane);
            EventQueue q = new EventQueue(lane);
            PriorityQueue<Event> pending = new PriorityQueue<>(ORDER);
            long seq = 0;
            long now = 0;
            assertFalse(q.popAt(0), "empty");
            for (int step = 0; step < 20_000; step++) {
                if (pending.isEmpty() || r.nextInt(3) > 0) {
                    int kind = r.nextInt(5);
                    long t = now + r.nextInt(kind == 1 ? 4 : 50);
                    Event e = new Event(t, kind, seq++, r.nextInt(), r.nextInt());
                    q.push(e.time(), e.kind(), e.a(), e.b());
                    pending.add(e);
                } else {
                    Event e = pending.peek();
                    long other = e.time() + 1 + r.nextInt(3);
                    assertFalse(q.popAt(other), "step " + step + ": the earliest event is at " + e.time());
                    assertFalse(q.popAt(e.time() - 1), "step " + step);
                    assertEquals(pending.size(), q.size(), "a refused popAt removes nothing");
                    pending.poll();
                    assertTrue(q.popAt(e.time()), "step " + step);
                    assertEquals(e, new Event(q.time(), q.kind(), e.seq(), q.a(), q.b()), "step " + step);
                    now = e.time();
                }
                assertEquals(pending.size(), q.size());
            }
        }
    }
}
