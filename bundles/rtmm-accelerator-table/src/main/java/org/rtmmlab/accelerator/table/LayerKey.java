package org.rtmmlab.accelerator.table;

import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.OpType;

/**
 * The shape of a layer that determines its table cost: operator type, stride and MAESTRO dims
 * N, K, C, Y, X, R, S. Two layers with equal keys cost the same on one accelerator.
 */
record LayerKey(OpType type, int stride, int n, int k, int c, int y, int x, int r, int s) {

    /** @return the key of {@code layer} */
    static LayerKey of(Layer layer) {
        return new LayerKey(layer.type(), layer.stride(), layer.n(), layer.k(), layer.c(), layer.y(), layer.x(),
                layer.r(), layer.s());
    }

    /** @return multiply-accumulates of a layer of this shape (as {@link Layer#macs()}) */
    long macs() {
        return new Layer("key", type, n, k, c, y, x, r, s, stride, null).macs();
    }

    /** @return the dims as {@code CONV N1 K32 C32 Y160 X100 R3 S3 stride 1}, for messages */
    String describe() {
        return type + " N" + n + " K" + k + " C" + c + " Y" + y + " X" + x + " R" + r + " S" + s + " stride " + stride;
    }
}
