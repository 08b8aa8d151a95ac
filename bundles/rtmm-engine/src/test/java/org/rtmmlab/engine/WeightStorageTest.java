package org.rtmmlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
     * Shared tensors (>= 2 users): a (216, the largest user) + b (128) = 344. Private: full head 160, half h2 80,
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
