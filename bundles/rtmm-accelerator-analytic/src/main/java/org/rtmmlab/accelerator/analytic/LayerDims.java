package org.rtmmlab.accelerator.analytic;

import org.rtmmlab.accelerator.analytic.Directive.Dim;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.OpType;

/**
 * A layer in MAESTRO's terms: batch {@code n} and the dimension table {@code dims} (K, C, R, S, Y input rows, X input
 * cols, indexed by {@link Dim#ordinal()}) with the tensor couplings. Stride-1 layers keep their dims as given (as
 * MAESTRO does, even where the input is smaller than the filter); a stride-s layer is analysed as the stride-1
 * layer with the same output size ({@code Y = (Y'-1) + R}), which has the same MACs. Depthwise layers use MAESTRO's
 * DWCONV couplings (K = 1, C = channels, output indexed by C); operators without weights ({@link OpType#OTHER}) are
 * a 1x1, single-input-channel filter per output element.
 *
 * @param n       batch (MAESTRO's XRBench tensors have no N: the analysis is per batch element)
 * @param dims    K, C, R, S, Y, X
 * @param tensors couplings
 * @param macs    multiply-accumulates of the layer
 */
record LayerDims(int n, int[] dims, DirectiveAnalysis.Tensors tensors, long macs) {

    /** @return the MAESTRO view of {@code layer} */
    static LayerDims of(Layer layer) {
        boolean depthwise = layer.type() == OpType.DWCONV;
        boolean other = layer.type() == OpType.OTHER;
        int r = other ? 1 : layer.r();
        int s = other ? 1 : layer.s();
        int y = other ? layer.outY() : layer.stride() == 1 ? layer.y() : layer.outY() - 1 + r;
        int x = other ? layer.outX() : layer.stride() == 1 ? layer.x() : layer.outX() - 1 + s;
        int k = depthwise ? 1 : layer.k();
        int c = depthwise ? layer.k() : other ? 1 : layer.c();
        int[] dims = new int[6];
        dims[Dim.K.ordinal()] = k;
        dims[Dim.C.ordinal()] = c;
        dims[Dim.R.ordinal()] = r;
        dims[Dim.S.ordinal()] = s;
        dims[Dim.Y.ordinal()] = y;
        dims[Dim.X.ordinal()] = x;
        long macs = (long) layer.n() * k * c * r * s * layer.outY() * layer.outX();
        return new LayerDims(layer.n(), dims,
                depthwise ? DirectiveAnalysis.Tensors.DEPTHWISE : DirectiveAnalysis.Tensors.CONV, macs);
    }
}
