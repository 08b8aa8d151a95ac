package org.rtmmlab.accelerator.table;

import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.testkit.AcceleratorModelContract;

/**
 * The cost-model contract for the table model on one WS, OS and RS MAESTRO table and the measured H100 table. A
 * table prices only shapes it lists, so the shapes and families are XRBench layer shapes (priced by shape).
 */
class TableModelContractTest extends AcceleratorModelContract {

    private static final TableAcceleratorModel MODEL = new TableAcceleratorModel();

    @Override
    protected AcceleratorModel model() {
        return MODEL;
    }

    @Override
    protected List<Accelerator> accelerators() {
        return List.of(table("pe4096_bw256_WS"), table("pe2048_bw128_OS"), table("pe1024_bw128_RS"),
                Accelerator.builder("gpu0", "table").attribute("table", "measured/h100-fp16").build());
    }

    @Override
    protected List<Layer> shapes() {
        return List.of(
                Layer.conv("es_conv1", 1, 32, 32, 160, 100, 3, 3),
                Layer.conv("es_pw", 1, 32, 32, 160, 100, 1, 1),
                Layer.conv("es_in", 1, 16, 3, 160, 100, 3, 3),
                Layer.conv("ge_5x5", 1, 144, 144, 40, 25, 5, 5));
    }

    @Override
    protected List<List<Layer>> monotoneFamilies() {
        // ES_RITNet's 3x3 K32 C32 convolutions at three input sizes (growing Y/X)
        return List.of(List.of(
                Layer.conv("es_40x25", 1, 32, 32, 40, 25, 3, 3),
                Layer.conv("es_80x50", 1, 32, 32, 80, 50, 3, 3),
                Layer.conv("es_160x100", 1, 32, 32, 160, 100, 3, 3)));
    }

    private static Accelerator table(String id) {
        return Accelerator.builder(id.toLowerCase(), "table").attribute("table", id).build();
    }
}
