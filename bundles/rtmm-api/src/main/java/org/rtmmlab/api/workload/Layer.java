package org.rtmmlab.api.workload;

import org.rtmmlab.api.Checks;

/**
 * One layer of a neural network in MAESTRO notation.
 *
 * <p>Dims: {@code n} batch, {@code k} output channels, {@code c} input channels, {@code y}/{@code x} input
 * height/width, {@code r}/{@code s} filter height/width, {@code stride} (1 in all XRBench data). Output size is
 * {@code (y - r) / stride + 1} (valid convolution, no padding), clamped to at least 1 for the few XRBench layers
 * whose input is smaller than the filter.
 *
 * @param name     layer name, unique within a model (e.g. {@code conv1})
 * @param type     operator type
 * @param n        batch size, &gt; 0
 * @param k        output channels, &gt; 0
 * @param c        input channels, &gt; 0
 * @param y        input height in elements, &gt; 0
 * @param x        input width in elements, &gt; 0
 * @param r        filter height, &gt; 0
 * @param s        filter width, &gt; 0
 * @param stride   stride in both dimensions, &gt; 0
 * @param weightId identity of this layer's weight tensor: layers of different variants of one model with the same
 *                 weightId share storage (supernet weight sharing); defaults to the layer name
 */
public record Layer(String name, OpType type, int n, int k, int c, int y, int x, int r, int s, int stride,
                    String weightId) {

    /** Validates every dimension. */
    public Layer {
        Checks.id(name, "name");
        Checks.present(type, "type");
        Checks.positive(n, "N");
        Checks.positive(k, "K");
        Checks.positive(c, "C");
        Checks.positive(y, "Y");
        Checks.positive(x, "X");
        Checks.positive(r, "R");
        Checks.positive(s, "S");
        Checks.positive(stride, "stride");
        if (weightId == null || weightId.isBlank()) {
            weightId = name;
        }
    }

    /** A dense stride-1 convolution, the shape of every XRBench layer. */
    public static Layer conv(String name, int n, int k, int c, int y, int x, int r, int s) {
        return new Layer(name, OpType.CONV, n, k, c, y, x, r, s, 1, name);
    }

    /**
     * A host (CPU) stage of {@code micros} reference microseconds of work: {@code HOST} with K = {@code micros} and
     * every other dim 1, so {@link #macs()} = {@code micros}.
     *
     * @param name   layer name, e.g. {@code pre}
     * @param micros work in microseconds on the reference CPU (speed 1), &gt; 0
     * @since workload 1.1
     */
    public static Layer host(String name, int micros) {
        return new Layer(name, OpType.HOST, 1, micros, 1, 1, 1, 1, 1, 1, name);
    }

    /** @return output height {@code (y - r) / stride + 1}, at least 1 */
    public int outY() {
        return Math.max(1, (y - r) / stride + 1);
    }

    /** @return output width {@code (x - s) / stride + 1}, at least 1 */
    public int outX() {
        return Math.max(1, (x - s) / stride + 1);
    }

    /** @return multiply-accumulate operations of one execution */
    public long macs() {
        long perOutput = (long) r * s * (type == OpType.DWCONV ? 1 : c);
        return (long) n * k * outY() * outX() * perOutput;
    }

    /** @return number of weight elements ({@code k*c*r*s}, or {@code k*r*s} for depthwise); 0 for OTHER and HOST */
    public long weightElements() {
        return switch (type) {
            case OTHER, HOST -> 0L;
            case DWCONV -> (long) k * r * s;
            default -> (long) k * c * r * s;
        };
    }

    /** @return number of input activation elements */
    public long inputElements() {
        return (long) n * c * y * x;
    }

    /** @return number of output activation elements */
    public long outputElements() {
        return (long) n * k * outY() * outX();
    }
}
