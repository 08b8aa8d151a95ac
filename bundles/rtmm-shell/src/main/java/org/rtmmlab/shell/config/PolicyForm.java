package org.rtmmlab.shell.config;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.rtmmlab.api.scheduler.PropertySpec;

/**
 * The ConfigAdmin form of one configuration PID of scheduler policies: an OSGi Metatype
 * {@link ObjectClassDefinition} generated from the policies' {@link PropertySpec}s (one optional field per
 * property, see {@link SpecAttribute}), so a metatype consumer such as the Felix WebConsole shows key, type,
 * default, range and help; {@link #lines()} is the same form as text for {@code rtmm:config}.
 *
 * @param pid         the configuration PID (e.g. {@code org.rtmmlab.scheduler.edf})
 * @param policies    ids of the policies that read it, sorted (several for dream and its ablations)
 * @param description the first policy's description
 * @param specs       the first policy's properties, defaults as it uses them now (configured or declared)
 */
record PolicyForm(String pid, List<String> policies, String description, List<PropertySpec> specs)
        implements ObjectClassDefinition {

    PolicyForm {
        policies = List.copyOf(policies);
        specs = List.copyOf(specs);
    }

    @Override
    public String getName() {
        return "RTMM scheduler " + String.join(", ", policies);
    }

    @Override
    public String getID() {
        return pid;
    }

    @Override
    public String getDescription() {
        String d = description.endsWith(".") ? description.substring(0, description.length() - 1) : description;
        return d + ". Defaults of every run; a run's own properties win.";
    }

    /** @return every field for ALL and OPTIONAL (every property has a default), none for REQUIRED */
    @Override
    public AttributeDefinition[] getAttributeDefinitions(int filter) {
        if (filter == REQUIRED) {
            return new AttributeDefinition[0];
        }
        return specs.stream().map(SpecAttribute::new).toArray(AttributeDefinition[]::new);
    }

    /** @return {@code null}: no icon */
    @Override
    public InputStream getIcon(int size) {
        return null;
    }

    /** @return the form as text: a header naming PID, file and policies, then one row a property */
    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("ConfigAdmin PID " + pid + " (file etc/" + pid + ".cfg), read by " + String.join(", ", policies));
        if (specs.isEmpty()) {
            out.add("  no properties");
            return out;
        }
        String[][] rows = new String[specs.size() + 1][];
        rows[0] = new String[] {"key", "type", "default", "range", "help"};
        for (int i = 0; i < specs.size(); i++) {
            PropertySpec s = specs.get(i);
            rows[i + 1] = new String[] {s.key(), s.type().label(), s.defaultValue(), s.range(), s.help()};
        }
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder("  ");
            for (int c = 0; c < width.length; c++) {
                b.append(r[c]).append(" ".repeat(width[c] - r[c].length() + 2));
            }
            out.add(b.append(r[4]).toString());
        }
        return out;
    }
}
