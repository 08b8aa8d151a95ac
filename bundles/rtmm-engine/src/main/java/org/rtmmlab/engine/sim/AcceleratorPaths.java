package org.rtmmlab.engine.sim;

import java.util.Arrays;

/**
 * The accelerators a request ran on, in order of first use, as nodes of a trie shared by the run's jobs: node 0 is
 * "none yet", and {@link #use} steps from a node to the node of its sequence plus one accelerator. Each node keeps
 * its request-record text ({@code acc0+acc2}), built once when the node is first reached, so ending a request
 * neither walks its accelerators nor builds a string. The trie holds one node per distinct sequence the run met
 * (at most the ordered selections of the platform's accelerators; in practice a handful). Single-threaded.
 */
final class AcceleratorPaths {

    private final String[] ids;
    /** child node of (node, accelerator) at {@code node * accelerators + a}, 0 while not created. */
    private int[] children;
    /** bit {@code a} set when accelerator {@code a} (below 64) is on the node's sequence. */
    private long[] masks;
    private int[] parents;
    private int[] last;
    private String[] names;
    private int size;

    /** @param ids accelerator ids by index */
    AcceleratorPaths(String[] ids) {
        this.ids = ids.clone();
        int capacity = 8;
        children = new int[capacity * Math.max(1, ids.length)];
        masks = new long[capacity];
        parents = new int[capacity];
        last = new int[capacity];
        names = new String[capacity];
        names[0] = "";
        parents[0] = -1;
        last[0] = -1;
        size = 1;
    }

    /** @return the node of {@code node}'s sequence after a block on accelerator {@code a} (itself if already on it) */
    int use(int node, int a) {
        if (contains(node, a)) {
            return node;
        }
        int i = node * ids.length + a;
        int child = children[i];
        if (child == 0) {
            child = add(node, a);
            children[i] = child;
        }
        return child;
    }

    private boolean contains(int node, int a) {
        if (a < 64) {
            return (masks[node] & (1L << a)) != 0;
        }
        for (int n = node; n > 0; n = parents[n]) {
            if (last[n] == a) {
                return true;
            }
        }
        return false;
    }

    private int add(int parent, int a) {
        if (size == names.length) {
            int n = size * 2;
            children = Arrays.copyOf(children, n * Math.max(1, ids.length));
            masks = Arrays.copyOf(masks, n);
            parents = Arrays.copyOf(parents, n);
            last = Arrays.copyOf(last, n);
            names = Arrays.copyOf(names, n);
        }
        int node = size++;
        masks[node] = masks[parent] | (a < 64 ? 1L << a : 0);
        parents[node] = parent;
        last[node] = a;
        names[node] = parent == 0 ? ids[a] : names[parent] + "+" + ids[a];
        return node;
    }

    /** @return the accelerator ids of {@code node}'s sequence joined by {@code +}, {@code ""} for node 0 */
    String name(int node) {
        return names[node];
    }
}
