package org.rtmmlab.accelerator.analytic;

import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.api.platform.Dataflow;
import org.rtmmlab.testkit.AcceleratorModelContract;

/** The cost-model contract for the analytic model on small, XRBench-sized and odd-sized WS/OS/RS arrays. */
class AnalyticModelContractTest extends AcceleratorModelContract {

    private static final AnalyticAcceleratorModel MODEL = new AnalyticAcceleratorModel();

    @Override
    protected AcceleratorModel model() {
        return MODEL;
    }

    @Override
    protected List<Accelerator> accelerators() {
        return List.of(npu(4096, Dataflow.WS, 256, 4 << 20), npu(2048, Dataflow.OS, 128, 2 << 20),
                npu(1024, Dataflow.RS, 128, 1 << 20), npu(100, Dataflow.WS, 8, 0), npu(8, Dataflow.OS, 2, 4096),
                npu(3, Dataflow.RS, 1, 1 << 10));
    }

    private static Accelerator npu(int pes, Dataflow df, double noc, long l2) {
        return Accelerator.builder(df + "x" + pes, "analytic").peCount(pes).dataflow(df).nocBandwidth(noc)
                .offchipBandwidth(noc / 2).l1Bytes(8192).l2Bytes(l2).clockHz(800e6).build();
    }
}
