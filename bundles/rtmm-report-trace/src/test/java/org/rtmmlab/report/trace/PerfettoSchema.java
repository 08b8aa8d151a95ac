package org.rtmmlab.report.trace;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Perfetto's own trace schema for the tests: the {@code FileDescriptorSet} that protoc made from Perfetto's merged
 * {@code protos/perfetto/trace/perfetto_trace.proto} (test resources {@code perfetto/}: the proto, the descriptor set,
 * Perfetto's license and a README with the source commit and the protoc command), loaded with protobuf-java's
 * {@link FileDescriptor}. Messages, fields and enum values are looked up by their names in Perfetto's schema, never
 * by the numbers {@link PerfettoWriter} writes, so a check built on this one does not repeat the writer's
 * assumptions.
 */
final class PerfettoSchema {

    /** Perfetto's merged trace proto (the text the descriptor set was made from). */
    static final String PROTO = "perfetto/perfetto_trace.proto";
    /** protoc's {@code --descriptor_set_out} of {@link #PROTO}. */
    static final String DESCRIPTOR_SET = "perfetto/perfetto_trace.desc";
    private static final String PACKAGE = "perfetto.protos.";

    private static PerfettoSchema loaded;

    /** The schema's one file. */
    final FileDescriptor file;
    /** {@code perfetto.protos.Trace}: the file's root message. */
    final Descriptor trace;
    /** {@code perfetto.protos.TracePacket}. */
    final Descriptor packet;

    private PerfettoSchema(FileDescriptor file) {
        this.file = file;
        this.trace = message("Trace");
        this.packet = message("TracePacket");
    }

    /** @return the schema, read once per test JVM */
    static synchronized PerfettoSchema load() {
        if (loaded == null) {
            try (InputStream in = resource(DESCRIPTOR_SET)) {
                FileDescriptorSet set = FileDescriptorSet.parseFrom(in);
                if (set.getFileCount() != 1) {
                    throw new IllegalStateException(DESCRIPTOR_SET + ": expected one file, found " + set.getFileCount());
                }
                loaded = new PerfettoSchema(FileDescriptor.buildFrom(set.getFile(0), new FileDescriptor[0]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DescriptorValidationException e) {
                throw new IllegalStateException(DESCRIPTOR_SET + ": " + e.getMessage(), e);
            }
        }
        return loaded;
    }

    /** @return a test resource's stream (fails when it is missing) */
    static InputStream resource(String name) {
        InputStream in = PerfettoSchema.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("test resource " + name + " missing");
        }
        return in;
    }

    /** @return message {@code perfetto.protos.<name>} ({@code TracePacket}, {@code TrackEvent.LegacyEvent}) */
    Descriptor message(String name) {
        String[] parts = name.split("\\.");
        Descriptor d = file.findMessageTypeByName(parts[0]);
        for (int i = 1; d != null && i < parts.length; i++) {
            d = d.findNestedTypeByName(parts[i]);
        }
        if (d == null) {
            throw new IllegalStateException("no message " + PACKAGE + name + " in Perfetto's schema");
        }
        return d;
    }

    /** @return field {@code name} of {@code message} (fails when Perfetto's schema has none) */
    static FieldDescriptor field(Descriptor message, String name) {
        FieldDescriptor f = message.findFieldByName(name);
        if (f == null) {
            throw new IllegalStateException("no field " + name + " in " + message.getFullName());
        }
        return f;
    }

    /** @return the number of enum value {@code value} of enum {@code enumName} nested in {@code message} */
    static int enumValue(Descriptor message, String enumName, String value) {
        EnumDescriptor e = message.findEnumTypeByName(enumName);
        if (e == null || e.findValueByName(value) == null) {
            throw new IllegalStateException("no enum value " + enumName + "." + value + " in " + message.getFullName());
        }
        return e.findValueByName(value).getNumber();
    }
}
