package org.rtmmlab.shell.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtmmlab.api.scheduler.ConfiguredPolicy;

/** Builds the {@link PolicyForm} of every configuration PID from the configured policies that read it. */
final class PolicyForms {

    /**
     * A configured policy and the PID its DS component reads.
     *
     * @param pid    the configuration PID
     * @param policy the policy
     */
    record Entry(String pid, ConfiguredPolicy policy) {
    }

    private PolicyForms() {
    }

    /**
     * @param entries the configured policies with their PIDs (a PID may be read by several policies)
     * @return one form a PID, sorted by PID; a PID's fields are the properties of its policy first by id (the
     *         policies sharing a PID share their declarations, as dream and its ablations do)
     */
    static Map<String, PolicyForm> of(Collection<Entry> entries) {
        Map<String, List<ConfiguredPolicy>> byPid = new TreeMap<>();
        for (Entry e : entries) {
            byPid.computeIfAbsent(e.pid(), k -> new ArrayList<>()).add(e.policy());
        }
        Map<String, PolicyForm> out = new TreeMap<>();
        byPid.forEach((pid, policies) -> {
            policies.sort(Comparator.comparing(ConfiguredPolicy::id));
            ConfiguredPolicy first = policies.get(0);
            List<String> ids = policies.stream().map(ConfiguredPolicy::id).distinct().toList();
            out.put(pid, new PolicyForm(pid, ids, first.description(), first.properties()));
        });
        return Collections.unmodifiableMap(out);
    }
}
