package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.OpType;
import org.rtmmlab.api.workload.Variant;

/** Weight storage with shared (sliced) and private tensors, hand-computed. */
class WeightStorageTest {

    static Layer conv(String name, int k, int c, int r, String weightId) {
        return new Layer(name, OpType.CONV, 1, k, c, 8, 8, r, r, 1, weightId);
    }

    /**
     * full: a (K8 C3 3x3 = 216), b (K16 C8 1x1 = 128), head (K10 C16 1x1 = 160) -> 504 elements.
     * half: a' slice of a (K4 C3 3x3 = 108), b' slice of b (K8 C4 = 32), own head h2 (K10 C8 = 80) -> 220.
     * tiny: a'' slice of a (K2 C3 3x3 = 54), own layer t (K10 C2 = 20) -> 74.
     * Shared tensors (>= 2 users), at the union of their slices: a (K8 C3 3x3 = 216) + b (K16 C8 = 128) = 344. Private: full head 160, half h2 80,
     * tiny t 20. Total 344 + 260 = 604 elements; unshared 504 + 220 + 74 = 798.
     */
    static final Model M = new Model("m", "", List.of(conv("a", 8, 3, 3, "a"), conv("b", 16, 8, 1, "b"),
            conv("head", 10, 16, 1, "head")), List.of(
            new Variant("half", 0.9, List.of(conv("a", 4, 3, 3, "a"), conv("b", 8, 4, 1, "b"),
                    conv("head", 10, 8, 1, "h2")), ""),
            new Variant("tiny", 0.5, List.of(conv("a", 2, 3, 3, "a"), conv("t", 10, 2, 1, "t")), "")));

    @Test
    void sharedTensorsCountOnceAtTheirLargestSlicePrivateOnesPerVariant() {
        WeightStorage s = WeightStorage.of(M, 2);
        assertEquals(688, s.sharedBytes());
        assertEquals(Map.of("full", 320L, "half", 160L, "tiny", 40L), s.privateBytes());
        assertEquals(List.of("full", "half", "tiny"), List.copyOf(s.privateBytes().keySet()));
        assertEquals(Map.of("full", 1008L, "half", 440L, "tiny", 148L), s.variantBytes());
        assertEquals(1208, s.totalBytes());
        assertEquals(1596, s.unsharedBytes());
    }

    /**
     * One 1x1 tensor "w" sliced two ways: full K16 x C8 (128 elements), variant "wide" K8 x C16 (128). The stored
     * tensor is the union, max K x max C = 16 x 16 = 256 elements, not the larger slice (128). A 3x3 tensor "u":
     * full K4 x C2 (72), wide K2 x C6 (108), tiny K3 x C3 (81) -> union 4 x 6 x 9 = 216 (not 108). Depthwise "d":
     * full K8 3x3 (72), wide K12 3x3 (108) -> 12 x 9 = 108. Shared 256 + 216 + 108 = 580; nothing private.
     * Per variant: full 128 + 72 + 72 = 272, wide 128 + 108 + 108 = 344, tiny 81.
     */
    @Test
    void aSharedTensorIsTheUnionOfItsSlicesPerDimension() {
        Model m = new Model("u", "", List.of(conv("a", 16, 8, 1, "w"), conv("b", 4, 2, 3, "u"),
                new Layer("d", OpType.DWCONV, 1, 8, 8, 8, 8, 3, 3, 1, "d")), List.of(
                new Variant("wide", 0.9, List.of(conv("a", 8, 16, 1, "w"), conv("b", 2, 6, 3, "u"),
                        new Layer("d", OpType.DWCONV, 1, 12, 12, 8, 8, 3, 3, 1, "d")), ""),
                new Variant("tiny", 0.5, List.of(conv("b", 3, 3, 3, "u")), "")));
        WeightStorage s = WeightStorage.of(m, 1);
        assertEquals(580, s.sharedBytes());
        assertEquals(Map.of("full", 0L, "wide", 0L, "tiny", 0L), s.privateBytes());
        assertEquals(Map.of("full", 272L, "wide", 344L, "tiny", 81L), s.variantBytes());
        assertEquals(580, s.totalBytes());
        assertEquals(697, s.unsharedBytes());
        // two layers of one variant tying one tensor: K16 x C8 and K8 x C16 -> 256 in that variant's own footprint
        Model tied = Model.of("t", "", List.of(conv("p", 16, 8, 1, "w"), conv("q", 8, 16, 1, "w")));
        assertEquals(Map.of("full", 512L), WeightStorage.of(tied, 2).variantBytes());
        assertEquals(512, WeightStorage.of(tied, 2).totalBytes());
    }

    @Test
    void aLayerSharingATensorWithAnotherOperatorOrFilterIsRejected() {
        Model otherType = new Model("m", "", List.of(conv("a", 8, 8, 3, "a"), conv("b", 8, 8, 1, "b")),
                List.of(new Variant("half", 0.9, List.of(conv("a", 4, 4, 3, "a"),
                        new Layer("b", OpType.DWCONV, 1, 4, 4, 8, 8, 1, 1, 1, "b")), "")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> WeightStorage.of(otherType, 1));
        assertEquals("weight storage: model m variant half layer 1 (b): weightId 'b' is DWCONV 1x1 here but CONV 1x1"
                + " in variant full layer 1 (b); layers sharing a weight tensor must have the same operator type and"
                + " filter size R x S", e.getMessage());
        Model otherFilter = new Model("m", "", List.of(conv("a", 8, 8, 3, "a")),
                List.of(new Variant("half", 0.9, List.of(conv("a5", 4, 4, 5, "a")), "")));
        e = assertThrows(InvalidInputException.class, () -> WeightStorage.of(otherFilter, 1));
        assertEquals("model m variant half layer 0 (a5)", e.path());
        assertEquals("weightId 'a' is CONV 5x5 here but CONV 3x3 in variant full layer 0 (a); layers sharing a"
                + " weight tensor must have the same operator type and filter size R x S", e.reason());
        Model withinOne = Model.of("w", "", List.of(conv("p", 4, 4, 1, "t"), new Layer("q", OpType.CONV, 1, 4, 4, 8, 8,
                1, 3, 1, "t")));
        e = assertThrows(InvalidInputException.class, () -> WeightStorage.of(withinOne, 1));
        assertEquals("model w variant full layer 1 (q)", e.path());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aModelWithoutVariantsIsAllPrivateAndDepthwiseCountsKrs() {
        Model m = Model.of("dw", "", List.of(new Layer("d", OpType.DWCONV, 1, 32, 32, 8, 8, 3, 3, 1, null),
                new Layer("p", OpType.OTHER, 1, 32, 32, 8, 8, 2, 2, 1, null)));
        WeightStorage s = WeightStorage.of(m, 1);
        assertEquals(0, s.sharedBytes());
        assertEquals(288, s.totalBytes(), "32 x 3 x 3, pooling has no weights");
    }

    @Test
    void budgetCheckNamesTotalBudgetAndLargestModel() {
        List<WeightStorage> all = List.of(WeightStorage.of(M, 1), WeightStorage.of(M.layers().size() > 0
                ? Model.of("n", "", List.of(conv("x", 4, 4, 1, null))) : M, 1));
        assertEquals(620, WeightStorage.checkBudget(all, 620));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> WeightStorage.checkBudget(all, 600));
        assertEquals("weight storage: budget: weights need 620 bytes (2 models, shared tensors counted once) but the"
                + " budget is 600 bytes: 20 bytes over; largest model m needs 604 bytes (344 shared + 260 private)",
                e.getMessage());
        assertThrows(InvalidInputException.class, () -> WeightStorage.of(M, 0));
    }
}
