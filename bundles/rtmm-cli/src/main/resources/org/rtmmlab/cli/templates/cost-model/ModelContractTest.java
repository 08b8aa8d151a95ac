package @PACKAGE@;

import java.util.List;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorModel;
import org.rtmmlab.testkit.AcceleratorModelContract;

/**
 * {@code @NAME@} meets the lab's cost-model contract on the accelerators of its platform: positive finite costs,
 * monotone in MACs, deterministic and thread-safe, a share never faster than the whole accelerator.
 */
class @CLASS@ContractTest extends AcceleratorModelContract {

    @Override
    protected AcceleratorModel model() {
        return new @CLASS@();
    }

    @Override
    protected List<Accelerator> accelerators() {
        return new @CLASS@().platforms().get(0).accelerators();
    }
}
