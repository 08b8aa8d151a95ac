package org.rtmmlab.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The request record's accelerator text from the trie of first-use sequences, against a plain join. */
class AcceleratorPathsTest {

    @Test
    void sequencesJoinIdsInOrderOfFirstUse() {
        AcceleratorPaths p = new AcceleratorPaths(new String[] {"npu0", "npu1", "gpu"});
        assertEquals("", p.name(0), "no block yet");
        int n = p.use(0, 2);
        assertEquals("gpu", p.name(n));
        assertEquals(n, p.use(n, 2), "a second block on the same accelerator keeps the sequence");
        int m = p.use(n, 0);
        assertEquals("gpu+npu0", p.name(m));
        assertEquals(m, p.use(m, 2), "gpu again: already on it");
        assertEquals("gpu+npu0+npu1", p.name(p.use(m, 1)));
        int other = p.use(p.use(0, 0), 2);
        assertEquals("npu0+gpu", p.name(other), "the order of first use, not of index");
        assertNotEquals(m, other);
        assertSame(p.name(m), p.name(p.use(p.use(0, 2), 0)), "one node (and string) per sequence");
    }

    @Test
    void randomBlockSequencesMatchAJoinOfTheDistinctAcceleratorsAlsoBeyond64() {
        String[] ids = new String[70];
        for (int a = 0; a < ids.length; a++) {
            ids[a] = "acc" + a;
        }
        AcceleratorPaths p = new AcceleratorPaths(ids);
        Random rnd = new Random(7);
        for (int request = 0; request < 2000; request++) {
            int node = 0;
            Set<Integer> used = new LinkedHashSet<>();
            int blocks = 1 + rnd.nextInt(6);
            for (int b = 0; b < blocks; b++) {
                int a = rnd.nextBoolean() ? rnd.nextInt(3) : 62 + rnd.nextInt(8); // below and above bit 64
                node = p.use(node, a);
                used.add(a);
            }
            List<String> names = new ArrayList<>();
            for (int a : used) {
                names.add(ids[a]);
            }
            assertEquals(String.join("+", names), p.name(node));
        }
    }
}
