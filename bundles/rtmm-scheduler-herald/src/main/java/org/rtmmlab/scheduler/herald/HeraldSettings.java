package org.rtmmlab.scheduler.herald;

import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.InvalidInputException;

/**
 * Herald's properties, read from the policy's defaults (ConfigAdmin) overridden by the run's properties.
 *
 * @param objective   what the static map minimises per block: {@code edp} (latency x energy, Herald's objective),
 *                    {@code latency} or {@code energy}
 * @param blockLayers layers per mapped block, &gt;= 1 (1 = Herald's layer granularity)
 * @param balance     whether to move blocks to their second-best accelerator while the plan's objective improves
 * @param balanceAbove balancing runs only while the bottleneck's planned load exceeds this fraction of an
 *                    accelerator's capacity (busy ns per second / 1e9), &gt;= 0; 0 = always (Herald)
 */
record HeraldSettings(String objective, int blockLayers, boolean balance, double balanceAbove) {

    static final String OBJECTIVE = "objective";
    static final String BLOCK_LAYERS = "blockLayers";
    static final String BALANCE = "balance";
    static final String BALANCE_ABOVE = "balanceAbove";
    static final String[] KEYS = {OBJECTIVE, BLOCK_LAYERS, BALANCE, BALANCE_ABOVE};

    /** Built-in defaults. */
    static final HeraldSettings DEFAULTS = new HeraldSettings("edp", 1, true, 0);

    /**
     * @return the settings from {@code defaults} overridden by {@code run}
     * @throws InvalidInputException naming the policy and the key of a bad value
     */
    static HeraldSettings read(Map<String, String> defaults, Map<String, String> run) {
        Map<String, String> p = new TreeMap<>(defaults);
        p.putAll(run);
        String objective = p.getOrDefault(OBJECTIVE, DEFAULTS.objective).trim();
        if (!objective.equals("edp") && !objective.equals("latency") && !objective.equals("energy")) {
            throw bad(OBJECTIVE, "must be edp, latency or energy, got '" + objective + "'");
        }
        String block = p.getOrDefault(BLOCK_LAYERS, Integer.toString(DEFAULTS.blockLayers)).trim();
        int blockLayers;
        try {
            blockLayers = Integer.parseInt(block);
        } catch (NumberFormatException e) {
            throw bad(BLOCK_LAYERS, "not an integer: '" + block + "'");
        }
        if (blockLayers < 1) {
            throw bad(BLOCK_LAYERS, "must be >= 1, got " + blockLayers);
        }
        String balance = p.getOrDefault(BALANCE, Boolean.toString(DEFAULTS.balance)).trim();
        if (!balance.equals("true") && !balance.equals("false")) {
            throw bad(BALANCE, "must be true or false, got '" + balance + "'");
        }
        String above = p.getOrDefault(BALANCE_ABOVE, Double.toString(DEFAULTS.balanceAbove)).trim();
        double balanceAbove;
        try {
            balanceAbove = Double.parseDouble(above);
        } catch (NumberFormatException e) {
            throw bad(BALANCE_ABOVE, "not a number: '" + above + "'");
        }
        if (!(balanceAbove >= 0) || Double.isInfinite(balanceAbove)) {
            throw bad(BALANCE_ABOVE, "must be a finite number >= 0, got " + above);
        }
        return new HeraldSettings(objective, blockLayers, Boolean.parseBoolean(balance), balanceAbove);
    }

    /** @return the DS configuration values of Herald's keys, as strings */
    static Map<String, String> fromConfig(Map<String, Object> config) {
        Map<String, String> out = new TreeMap<>();
        for (String key : KEYS) {
            Object v = config == null ? null : config.get(key);
            if (v != null) {
                out.put(key, v.toString());
            }
        }
        return out;
    }

    private static InvalidInputException bad(String key, String reason) {
        return new InvalidInputException(HeraldPolicy.ID, key, reason);
    }
}
