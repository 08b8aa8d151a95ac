package org.rtmmlab.api.platform;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.Checks;
import org.rtmmlab.api.InvalidInputException;

/**
 * One (sub-)accelerator of a platform. Which fields matter depends on its cost model: the MAESTRO table model
 * uses {@code attributes.table}; the analytic model uses PE count, dataflow, bandwidths, buffers and clock.
 *
 * @param id                 id unique within the platform, e.g. {@code acc0}
 * @param kind               NPU, GPU or CPU
 * @param costModel          id of the {@link AcceleratorModel} that prices layers on it, e.g. {@code table}
 * @param peCount            processing elements (one MAC per cycle each), &gt; 0
 * @param dataflow           PE-array dataflow, {@link Dataflow#NONE} for GPU/CPU
 * @param clockHz            clock frequency in Hz, &gt; 0
 * @param nocBandwidth       on-chip network bandwidth in elements per cycle, &gt; 0
 * @param offchipBandwidth   off-chip (DRAM) bandwidth in bytes per cycle, &gt; 0
 * @param l1Bytes            per-PE local buffer in bytes, &gt;= 0
 * @param l2Bytes            shared global buffer in bytes, &gt;= 0
 * @param idlePowerW         power drawn while idle, in watts, &gt;= 0
 * @param partitions         how many blocks may run at once as spatial shares (1 = time-multiplexed only), &gt; 0
 * @param attributes         cost-model specific settings (sorted, unmodifiable), e.g. {@code table=pe4096_bw256_WS}
 */
public record Accelerator(String id, AcceleratorKind kind, String costModel, int peCount, Dataflow dataflow,
                          double clockHz, double nocBandwidth, double offchipBandwidth, long l1Bytes, long l2Bytes,
                          double idlePowerW, int partitions, Map<String, String> attributes) {

    /** Validates every field. */
    public Accelerator {
        Checks.id(id, "id");
        Checks.present(kind, "kind");
        Checks.id(costModel, "costModel");
        Checks.positive(peCount, "peCount");
        Checks.present(dataflow, "dataflow");
        Checks.positive(clockHz, "clockHz");
        Checks.positive(nocBandwidth, "nocBandwidth");
        Checks.positive(offchipBandwidth, "offchipBandwidth");
        Checks.nonNegative(l1Bytes, "l1Bytes");
        Checks.nonNegative(l2Bytes, "l2Bytes");
        Checks.nonNegative(idlePowerW, "idlePowerW");
        Checks.positive(partitions, "partitions");
        if (attributes == null) {
            attributes = Map.of();
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new InvalidInputException("", "attributes", "null key or value");
            }
        }
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** @return attribute {@code key}, or {@code fallback} if absent */
    public String attribute(String key, String fallback) {
        return attributes.getOrDefault(key, fallback);
    }

    /** @return a builder with sensible defaults: NPU, 1 GHz, 1 partition, no idle power */
    public static Builder builder(String id, String costModel) {
        return new Builder(id, costModel);
    }

    /** Fluent builder for {@link Accelerator}; {@link #build()} validates. */
    public static final class Builder {
        private final String id;
        private final String costModel;
        private AcceleratorKind kind = AcceleratorKind.NPU;
        private int peCount = 1;
        private Dataflow dataflow = Dataflow.NONE;
        private double clockHz = 1e9;
        private double nocBandwidth = 1;
        private double offchipBandwidth = 1;
        private long l1Bytes;
        private long l2Bytes;
        private double idlePowerW;
        private int partitions = 1;
        private final Map<String, String> attributes = new TreeMap<>();

        private Builder(String id, String costModel) {
            this.id = id;
            this.costModel = costModel;
        }

        /** @param v accelerator kind */
        public Builder kind(AcceleratorKind v) { kind = v; return this; }
        /** @param v PE count */
        public Builder peCount(int v) { peCount = v; return this; }
        /** @param v dataflow */
        public Builder dataflow(Dataflow v) { dataflow = v; return this; }
        /** @param v clock in Hz */
        public Builder clockHz(double v) { clockHz = v; return this; }
        /** @param v NoC bandwidth, elements/cycle */
        public Builder nocBandwidth(double v) { nocBandwidth = v; return this; }
        /** @param v off-chip bandwidth, bytes/cycle */
        public Builder offchipBandwidth(double v) { offchipBandwidth = v; return this; }
        /** @param v per-PE buffer, bytes */
        public Builder l1Bytes(long v) { l1Bytes = v; return this; }
        /** @param v global buffer, bytes */
        public Builder l2Bytes(long v) { l2Bytes = v; return this; }
        /** @param v idle power, W */
        public Builder idlePowerW(double v) { idlePowerW = v; return this; }
        /** @param v spatial partitions */
        public Builder partitions(int v) { partitions = v; return this; }
        /** @param key attribute name @param value attribute value */
        public Builder attribute(String key, String value) { attributes.put(key, value); return this; }

        /** @return the validated accelerator */
        public Accelerator build() {
            return new Accelerator(id, kind, costModel, peCount, dataflow, clockHz, nocBandwidth, offchipBandwidth,
                    l1Bytes, l2Bytes, idlePowerW, partitions, attributes);
        }
    }
}
