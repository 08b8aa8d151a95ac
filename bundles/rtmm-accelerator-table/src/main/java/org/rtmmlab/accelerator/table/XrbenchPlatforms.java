package org.rtmmlab.accelerator.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.AcceleratorKind;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.json.JsonNode;

/**
 * Builds the 26 platforms of XRBench Figure 5: sizes 4K and 8K x styles A-M from {@code hardware.json
 * accelerator_styles_fig5}, each with the processors of {@code costs.json config_map["<size>/<style>"]} in
 * processor order. Platform ids are {@code xrbench/<setting name>}, e.g. {@code xrbench/Dual_8K_BigLittle__WS_OS}.
 */
final class XrbenchPlatforms {

    /** Platform id prefix. */
    static final String PREFIX = "xrbench/";

    private static final String[] SIZES = {"4K", "8K"};

    private XrbenchPlatforms() {
    }

    /** @return the platforms, 4K styles A-M then 8K styles A-M */
    static List<Platform> build(JsonNode costs, JsonNode hardware, Map<String, CostTable> tables) {
        JsonNode styles = hardware.get("accelerator_styles_fig5").get("styles");
        JsonNode configMap = costs.get("config_map");
        JsonNode hwConfigs = hardware.get("hw_configs");
        List<Platform> out = new ArrayList<>();
        for (String size : SIZES) {
            for (Map.Entry<String, JsonNode> style : styles.entries()) {
                out.add(platform(size, style.getKey(), style.getValue(), configMap, hwConfigs, tables));
            }
        }
        return out;
    }

    private static Platform platform(String size, String letter, JsonNode style, JsonNode configMap,
                                     JsonNode hwConfigs, Map<String, CostTable> tables) {
        String name = style.get("setting_name_template").string().replace("{s}", size);
        String hwName = style.get("hw_config_template").string().replace("{s}", size);
        JsonNode config = configMap.get(size + "/" + letter);
        JsonNode hwConfigNode = config.get("hw_config");
        if (!hwConfigNode.string().equals(hwName)) {
            throw hwConfigNode.error("hw_config '" + hwConfigNode.string() + "' but style " + letter + " says '"
                    + hwName + "'");
        }
        List<JsonNode> hwBlocks = hwConfigs.get(hwName).get("accelerators").items();
        List<JsonNode> ids = config.get("accelerator_ids").items();
        if (ids.isEmpty() || hwBlocks.isEmpty()) {
            throw config.error("setting " + name + " has no accelerators");
        }
        List<Accelerator> accelerators = new ArrayList<>();
        StringBuilder description = new StringBuilder("XRBench style ").append(letter).append(" (").append(size)
                .append(" PEs): ");
        String previous = null;
        int run = 0;
        for (int i = 0; i < ids.size(); i++) {
            String tableId = ids.get(i).string();
            CostTable table = tables.get(tableId);
            if (table == null) {
                throw ids.get(i).error("unknown accelerator '" + tableId + "'");
            }
            // processor i pairs with hw block i; XRBench reuses the last block when the hw file lists fewer
            JsonNode hw = hwBlocks.get(Math.min(i, hwBlocks.size() - 1));
            if (hw.get("num_pes").intValue() != table.numPes()) {
                throw hw.get("num_pes").error("num_pes " + hw.get("num_pes").intValue() + " differs from cost table "
                        + tableId + " (" + table.numPes() + ")");
            }
            accelerators.add(accelerator(i, table, hw));
            if (tableId.equals(previous)) {
                run++;
            } else {
                appendRun(description, previous, run);
                previous = tableId;
                run = 1;
            }
        }
        appendRun(description, previous, run);
        try {
            return new Platform(PREFIX + name, description.toString(), accelerators);
        } catch (InvalidInputException e) {
            throw config.relocate(e);
        }
    }

    private static Accelerator accelerator(int index, CostTable table, JsonNode hw) {
        return Accelerator.builder("acc" + index, TableAcceleratorModel.ID)
                .kind(AcceleratorKind.NPU)
                .peCount(table.numPes())
                .dataflow(table.dataflow())
                .clockHz(1e9) // XRBench has no clock: cycles / 1e6 = ms, i.e. an implicit 1 GHz
                .nocBandwidth(table.nocBandwidth())
                // off-chip bandwidth is parsed but unused by XRBench/MAESTRO and by the tables: placeholder 1
                .offchipBandwidth(1)
                .l1Bytes(hw.get("PE_local_memory").integer()) // informational, unused by the tables
                .l2Bytes(hw.get("global_shared_memory").integer())
                .idlePowerW(0) // XRBench has no idle power
                .partitions(1)
                .attribute(TableAcceleratorModel.TABLE_ATTRIBUTE, table.id())
                .build();
    }

    private static void appendRun(StringBuilder sb, String tableId, int run) {
        if (tableId == null) {
            return;
        }
        if (sb.charAt(sb.length() - 1) != ' ') {
            sb.append(" + ");
        }
        sb.append(run).append('x').append(' ').append(tableId);
    }
}
