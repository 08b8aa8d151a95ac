package org.rtmmlab.accelerator.analytic;

import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.OpType;

/**
 * The loop bounds the mappings iterate over: batch {@code n}, output channels {@code k}, input channels per output
 * {@code c} (1 for depthwise), output rows/cols {@code outY}/{@code outX}, filter {@code r}x{@code s}, and the
 * input height/width {@code y}/{@code x}. Depthwise layers are priced as {@code k} independent single-channel
 * filters; operators without weights ({@link OpType#OTHER}) as a 1x1 filter over the input (one op per element).
 */
record LayerDims(int n, int k, int c, int outY, int outX, int r, int s, int y, int x, int inputChannels) {

    /** @return the loop bounds of {@code layer} */
    static LayerDims of(Layer layer) {
        boolean depthwise = layer.type() == OpType.DWCONV;
        boolean other = layer.type() == OpType.OTHER;
        int c = depthwise || other ? 1 : layer.c();
        int r = other ? 1 : layer.r();
        int s = other ? 1 : layer.s();
        return new LayerDims(layer.n(), layer.k(), c, layer.outY(), layer.outX(), r, s, layer.y(), layer.x(),
                layer.c());
    }

    /** @return multiply-accumulates, {@code n k c outY outX r s} */
    long macs() {
        return (long) n * k * c * outY * outX * r * s;
    }

    /** @return weight elements, {@code k c r s} */
    long weights() {
        return (long) k * c * r * s;
    }

    /** @return input activation elements, {@code n C y x} */
    long inputs() {
        return (long) n * inputChannels * y * x;
    }

    /** @return output activation elements, {@code n k outY outX} */
    long outputs() {
        return (long) n * k * outY * outX;
    }

    /** @return {@code ceil(a / b)} */
    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
