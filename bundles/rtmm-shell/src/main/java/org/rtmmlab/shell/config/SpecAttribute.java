package org.rtmmlab.shell.config;

import java.util.List;
import org.osgi.service.metatype.AttributeDefinition;
import org.rtmmlab.api.InvalidInputException;
import org.rtmmlab.api.scheduler.PropertyReader;
import org.rtmmlab.api.scheduler.PropertySpec;

/**
 * One field of a policy's ConfigAdmin form: the OSGi Metatype view of a {@link PropertySpec}. Key as id and name,
 * the help and the allowed range as description, the type mapped to the metatype type (integer: LONG, number:
 * DOUBLE, boolean: BOOLEAN, choice and text: STRING, a choice with its values as options), the default as the
 * single default value, and {@link #validate} the same check a run applies ({@link PropertyReader}).
 */
final class SpecAttribute implements AttributeDefinition {

    private final PropertySpec spec;

    SpecAttribute(PropertySpec spec) {
        this.spec = spec;
    }

    /** @return the metatype type of a property type */
    static int metatypeType(PropertySpec.Type type) {
        return switch (type) {
            case INTEGER -> LONG;
            case NUMBER -> DOUBLE;
            case BOOLEAN -> BOOLEAN;
            case CHOICE, TEXT -> STRING;
        };
    }

    @Override
    public String getName() {
        return spec.key();
    }

    @Override
    public String getID() {
        return spec.key();
    }

    @Override
    public String getDescription() {
        return spec.help() + " (" + spec.type().label() + ", " + spec.range() + ")";
    }

    @Override
    public int getCardinality() {
        return 0;
    }

    @Override
    public int getType() {
        return metatypeType(spec.type());
    }

    @Override
    public String[] getOptionValues() {
        return spec.type() == PropertySpec.Type.CHOICE ? spec.choices().toArray(new String[0]) : null;
    }

    @Override
    public String[] getOptionLabels() {
        return getOptionValues();
    }

    /**
     * @return {@code ""} when a run would accept {@code value}, else the reason (as a run reports it); metatype's
     *         convention ({@code null}: no validation) is not used, every field is checked
     */
    @Override
    public String validate(String value) {
        try {
            PropertyReader.of("form", List.of(spec), java.util.Map.of(spec.key(), value == null ? "" : value));
            return "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    @Override
    public String[] getDefaultValue() {
        return new String[] {spec.defaultValue()};
    }
}
