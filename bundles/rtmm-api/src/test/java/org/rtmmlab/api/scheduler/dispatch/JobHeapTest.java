package org.rtmmlab.api.scheduler.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link JobHeap} pops in {@code (key1, key2, arrival, id)} order whatever the pushes: random pushes and pops with many
 * equal keys, runs of increasing keys that overflow the sorted front, and pops put back at once (a scheduler's cycle),
 * against a sorted set.
 */
class JobHeapTest {

    @Test
    void popsInKeyOrderWhateverThePushes() {
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            JobOrder.Entries e = new JobOrder.Entries();
            JobHeap heap = new JobHeap(e);
            Comparator<Integer> order = (a, b) -> e.before(a, b) ? -1 : e.before(b, a) ? 1 : 0;
            TreeSet<Integer> reference = new TreeSet<>(order);
            for (int step = 0; step < 3000; step++) {
                int op = r.nextInt(10);
                if (op < 5 || reference.isEmpty()) {
                    int slot = e.alloc();
                    e.key1[slot] = r.nextInt(seed % 2 == 0 ? 5 : 1000) + (op == 0 ? step : 0); // ties, or rising keys
                    e.key2[slot] = r.nextInt(3);
                    e.arrival[slot] = r.nextInt(3);
                    e.id[slot] = step;
                    heap.push(slot);
                    reference.add(slot);
                } else if (op < 8) {
                    int slot = heap.pop();
                    assertEquals(reference.pollFirst(), slot, "seed " + seed + " step " + step);
                    e.release(slot);
                } else { // take the first few and put them back, as a decide call and the next begin do
                    int n = 1 + r.nextInt(Math.min(6, reference.size()));
                    int[] taken = new int[n];
                    for (int i = 0; i < n; i++) {
                        taken[i] = heap.pop();
                        assertEquals(reference.pollFirst(), taken[i], "seed " + seed + " step " + step);
                    }
                    for (int slot : taken) {
                        heap.push(slot);
                        reference.add(slot);
                    }
                }
                assertEquals(reference.size(), heap.size());
                if (!reference.isEmpty()) {
                    assertEquals(reference.first(), heap.peek());
                }
            }
        }
    }
}
