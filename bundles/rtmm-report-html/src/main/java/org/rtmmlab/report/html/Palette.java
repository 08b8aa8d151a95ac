package org.rtmmlab.report.html;

/** Fixed, colour-blind-friendly series colours (Okabe-Ito, then Tableau), picked by index. */
final class Palette {

    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
        "#F0E442", "#000000", "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#9C755F", "#76B7B2"};

    private Palette() {
    }

    /** @return the colour of series {@code i} (cycles) */
    static String colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }
}
