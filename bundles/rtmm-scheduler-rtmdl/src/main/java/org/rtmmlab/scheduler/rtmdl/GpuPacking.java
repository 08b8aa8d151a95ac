package org.rtmmlab.scheduler.rtmdl;

/**
 * RT-mDL's priority-guided GPU packing with a high- and a low-priority stream (Ling et al., SenSys 2021, run-time
 * scheduler; the rule as issue 13 states it):
 * <ul>
 *   <li>when the high stream is empty, the highest-priority GPU sub-task is submitted to it only if it outranks
 *       (strictly higher priority) what runs in the low stream, or the low stream is empty;</li>
 *   <li>when the low stream is empty, look ahead in the GPU queue for a task i' with priority_i' &lt; priority_i (i
 *       in the high stream) and util_i + util_i' &lt; theta (theta = the GPU's maximum spatial utilisation); the first
 *       such task in queue order is packed into the low stream.</li>
 * </ul>
 * Pure functions over the queue, so the rule is unit-tested by hand.
 */
final class GpuPacking {

    private GpuPacking() {
    }

    /**
     * @param queue       the GPU queue, head = highest priority
     * @param usable      whether the job at each queue position may go to this GPU now (not in a stream elsewhere,
     *                    supported here), indexed by queue position
     * @param lowBusy     whether the low stream holds a task
     * @param lowPriority the priority of that task
     * @return the queue position to submit to the high stream, or -1
     */
    static int high(SubTaskQueue queue, boolean[] usable, boolean lowBusy, int lowPriority) {
        for (int k = 0; k < queue.size(); k++) {
            if (usable[k]) {
                return !lowBusy || queue.priority(k) > lowPriority ? k : -1;
            }
        }
        return -1;
    }

    /**
     * @param queue        the GPU queue, head = highest priority
     * @param usable       as for {@link #high}
     * @param util         GPU utilisation of the job at each queue position
     * @param highPriority priority of the task in the high stream
     * @param highUtil     its GPU utilisation
     * @param theta        the GPU's maximum spatial utilisation
     * @return the queue position to pack into the low stream, or -1
     */
    static int low(SubTaskQueue queue, boolean[] usable, double[] util, int highPriority, double highUtil,
                   double theta) {
        for (int k = 0; k < queue.size(); k++) {
            if (usable[k] && queue.priority(k) < highPriority && highUtil + util[k] < theta) {
                return k;
            }
        }
        return -1;
    }
}
