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

    @Test
    void entriesAddedInReverseOrderOrAfterAReadTakeTheirPlace() {
        SubTaskQueue q = new SubTaskQueue();
        for (int j = 0; j < 100; j++) {
            q.add(j, 1, 10_000 - 10L * j, 500 + j); // deadlines fall with j: the sorted order is j = 99 .. 0
        }
        for (int k = 0; k < 100; k++) {
            assertEquals(99 - k, q.job(k), "position " + k);
        }
        q.add(100, 1, 5_000, 1); // earlier than every deadline: the new head
        q.add(101, 1, 9_010, 2); // j = 99's deadline, a lower id: right before it
        q.add(102, 2, 20_000, 3); // a higher priority: before all, whatever its deadline
        int[] head = {102, 100, 101, 99, 98};
        for (int k = 0; k < head.length; k++) {
            assertEquals(head[k], q.job(k), "position " + k);
        }
        assertEquals(0, q.job(102));
        assertEquals(2, q.priority(0));
        assertEquals(1, q.priority(102));
    }
}
