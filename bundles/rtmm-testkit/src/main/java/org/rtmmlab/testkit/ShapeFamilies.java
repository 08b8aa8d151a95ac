package org.rtmmlab.testkit;

import java.util.List;
import org.rtmmlab.api.workload.Layer;

/**
 * Default layer shapes of {@link AcceleratorModelContract}: a spread of ordinary convolutions, and families that
 * grow one dimension (K, C, or the input Y/X) so their MACs grow strictly.
 */
public final class ShapeFamilies {

    private ShapeFamilies() {
    }

    /** @return assorted conv shapes: 1x1, 3x3, 5x5, 7x7, tiny, wide, deep, fully-connected-like */
    public static List<Layer> assorted() {
        return List.of(
                Layer.conv("pw", 1, 64, 32, 56, 56, 1, 1),
                Layer.conv("c3", 1, 32, 32, 160, 100, 3, 3),
                Layer.conv("c5", 1, 144, 144, 40, 25, 5, 5),
                Layer.conv("stem", 1, 16, 3, 224, 224, 7, 7),
                Layer.conv("tiny", 1, 1, 1, 1, 1, 1, 1),
                Layer.conv("wide", 1, 8, 4, 512, 512, 3, 3),
                Layer.conv("deep", 1, 1024, 1024, 7, 7, 1, 1),
                Layer.conv("fc", 1, 1000, 1280, 1, 1, 1, 1));
    }

    /** @return 3x3 convs over a 40x40 input with K = 8, 16, 32, 64, 128 */
    public static List<Layer> growingK() {
        return List.of(k(8), k(16), k(32), k(64), k(128));
    }

    /** @return 3x3 convs over a 40x40 input with C = 3, 16, 32, 64, 128 */
    public static List<Layer> growingC() {
        return List.of(c(3), c(16), c(32), c(64), c(128));
    }

    /** @return 3x3 convs, K = C = 32, square inputs 8, 16, 32, 64, 128 */
    public static List<Layer> growingYX() {
        return List.of(yx(8), yx(16), yx(32), yx(64), yx(128));
    }

    private static Layer k(int k) {
        return Layer.conv("k" + k, 1, k, 32, 40, 40, 3, 3);
    }

    private static Layer c(int c) {
        return Layer.conv("c" + c, 1, 32, c, 40, 40, 3, 3);
    }

    private static Layer yx(int n) {
        return Layer.conv("yx" + n, 1, 32, 32, n, n, 3, 3);
    }
}
