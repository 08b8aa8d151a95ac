package org.rtmmlab.scheduler.rtmdl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The queue's order, by hand: priority (higher first), then earlier deadline, then lower job id; past 16 entries. */
class SubTaskQueueTest {

    @Test
    void ordersByPriorityThenDeadlineThenId() {
        SubTaskQueue q = new SubTaskQueue();
        q.add(0, 1, 500, 10);
        q.add(1, 3, 900, 11);
        q.add(2, 1, 300, 12);
        q.add(3, 3, 900, 4);
        q.add(4, 2, 100, 13);
        // priority 3: job 3 (id 4) before job 1 (id 11), same deadline; priority 2: job 4; priority 1: deadline 300, 500
        int[] expected = {3, 1, 4, 2, 0};
        assertEquals(expected.length, q.size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], q.job(k), "position " + k);
        }
        assertEquals(3, q.priority(0));
        assertEquals(1, q.priority(4));
    }

    @Test
    void growsAndClears() {
        SubTaskQueue q = new SubTaskQueue();
        for (int j = 0; j < 40; j++) {
            q.add(j, j % 5, 1000 - j, j); // priority 4 first; within a priority the later j has the earlier deadline
        }
        assertEquals(40, q.size());
        assertEquals(39, q.job(0)); // priority 4, deadline 961
        assertEquals(4, q.job(7));  // the last of priority 4: j = 4
        assertEquals(35, q.job(32)); // priority 0 starts at 32 with j = 35
        assertEquals(0, q.job(39));
        q.clear();
        assertEquals(0, q.size());
        q.add(7, 2, 1, 1);
        assertEquals(7, q.job(0));
    }
}
