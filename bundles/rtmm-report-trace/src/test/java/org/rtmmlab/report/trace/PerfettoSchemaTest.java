package org.rtmmlab.report.trace;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.UnknownFieldSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.rtmmlab.api.platform.Accelerator;
import org.rtmmlab.api.platform.Platform;
import org.rtmmlab.api.run.FrameCounts;
import org.rtmmlab.api.run.ReportSession;
import org.rtmmlab.api.run.RunConfig;
import org.rtmmlab.api.run.RunInfo;
import org.rtmmlab.api.run.RunResult;
import org.rtmmlab.api.run.SchedulerSwap;
import org.rtmmlab.api.workload.Layer;
import org.rtmmlab.api.workload.Model;
import org.rtmmlab.api.workload.Scenario;
import org.rtmmlab.api.workload.Task;

/**
 * trace.perfetto-trace against Perfetto's own schema ({@link PerfettoSchema}, {@link PerfettoSchemaCheck}): real runs
 * (a whole run, a window of the heaviest scenario, a size-capped run, a hot swap) read as
 * {@code perfetto.protos.Trace} with no unknown field, the TrackEvent rules trace_processor's importer relies on,
 * and counts that match the run; then the same check shown to fail on traces with the defects a hand-written encoder
 * can have. A schema check, not the Perfetto UI: neither the UI nor trace_processor can run here.
 */
class PerfettoSchemaTest {

    private static final String VR = "xrbench/VR_gaming";
    private static final String DUAL = "xrbench/Dual_4K__WS_OS";
    private static final String AR = "xrbench/AR_Assistant";
    private static final String QUAD = "xrbench/Quad_8K__WS_OS_WS_OS";
    private static final String BEGIN = "TYPE_SLICE_BEGIN";
    private static final String END = "TYPE_SLICE_END";
    private static final String INSTANT = "TYPE_INSTANT";

    private static final Pattern FIELD = Pattern.compile(
            "(?:(?:optional|repeated|required) )?(?:map<[^>]+>|[A-Za-z_][\\w.]*) ([A-Za-z_]\\w*) = (\\d+)(?: \\[.*])?");
    private static final Pattern ENUM_VALUE = Pattern.compile(
            "([A-Za-z_]\\w*) = (-?(?:0x[0-9a-fA-F]+|\\d+))(?: \\[.*])?");

    /**
     * The committed descriptor set is the committed proto compiled: the same field names and numbers (every message,
     * nested ones too) and enum values, read from the proto's text, as in the descriptor.
     */
    @Test
    void theDescriptorSetIsTheCommittedProtoCompiled() throws IOException {
        String text;
        try (InputStream in = PerfettoSchema.resource(PerfettoSchema.PROTO)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> fromText = new ArrayList<>();
        String code = text.replaceAll("//[^\n]*", " ").replaceAll("\\s+", " ");
        for (String statement : code.split("[;{}]")) {
            String st = statement.trim();
            if (st.isEmpty() || st.matches("(option|reserved|extensions|syntax|package|import) .*")) {
                continue;
            }
            Matcher f = FIELD.matcher(st);
            Matcher v = ENUM_VALUE.matcher(st);
            if (f.matches()) {
                fromText.add(f.group(1) + "=" + f.group(2));
            } else if (v.matches()) {
                fromText.add(v.group(1) + "=" + Long.decode(v.group(2))); // some flags are written in hex
            }
        }
        PerfettoSchema schema = PerfettoSchema.load();
        List<String> fromDescriptor = new ArrayList<>();
        for (Descriptor m : schema.file.getMessageTypes()) {
            collect(m, fromDescriptor);
        }
        for (EnumDescriptor e : schema.file.getEnumTypes()) {
            e.getValues().forEach(v -> fromDescriptor.add(v.getName() + "=" + v.getNumber()));
        }
        schema.file.getExtensions().forEach(f -> fromDescriptor.add(f.getName() + "=" + f.getNumber()));
        Collections.sort(fromText);
        Collections.sort(fromDescriptor);
        assertTrue(fromDescriptor.size() > 5_000, "fields and enum values: " + fromDescriptor.size());
        List<String> onlyText = new ArrayList<>(fromText);
        fromDescriptor.forEach(onlyText::remove);
        List<String> onlyDescriptor = new ArrayList<>(fromDescriptor);
        fromText.forEach(onlyDescriptor::remove);
        assertEquals(List.of(), onlyText.subList(0, Math.min(10, onlyText.size())), "in the proto, not the descriptor");
        assertEquals(List.of(), onlyDescriptor.subList(0, Math.min(10, onlyDescriptor.size())),
                "in the descriptor, not the proto");
        assertEquals("perfetto.protos.Trace", schema.trace.getFullName());
    }

    private static void collect(Descriptor m, List<String> out) {
        if (m.getOptions().getMapEntry()) {
            return; // the key/value message protoc makes for a map<K, V> field: not in the text
        }
        for (FieldDescriptor f : m.getFields()) {
            if (f.toProto().getType() != FieldDescriptorProto.Type.TYPE_GROUP) {
                out.add(f.getName() + "=" + f.getNumber());
            }
        }
        m.getExtensions().forEach(f -> out.add(f.getName() + "=" + f.getNumber()));
        for (EnumDescriptor e : m.getEnumTypes()) {
            e.getValues().forEach(v -> out.add(v.getName() + "=" + v.getNumber()));
        }
        m.getNestedTypes().forEach(n -> collect(n, out));
    }

    private static void assertClean(PerfettoSchemaCheck t) {
        assertEquals(List.of(), t.problems.subList(0, Math.min(20, t.problems.size())),
                t.problems.size() + " problems");
        assertEquals(1, t.sequenceIds.size(), "one trusted_packet_sequence_id");
        assertEquals(1, t.clears, "incremental state cleared once, by the first packet");
        assertTrue(t.packets > 0);
    }

    private static long count(PerfettoSchemaCheck t, String type, String name) {
        return t.ofType(type).stream().filter(e -> name.equals(e.name())).count();
    }

    @Test
    void aWholeRunIsReadByPerfettosSchemaWithOneSlicePerBlock(@TempDir Path dir) throws IOException {
        RunResult result = SimRuns.run(new SimRuns.Probe(), VR, DUAL, "edf", 2_000_000_000L,
                Map.of("blockLayers", "8"), List.of("trace", "csv"), dir);
        PerfettoSchemaCheck t = PerfettoSchemaCheck.read(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertClean(t);
        long blocks = PerfettoTraceTest.rows(dir.resolve("blocks.csv")).size();
        assertTrue(blocks > 100, "blocks " + blocks);
        assertEquals(blocks, t.ofType(BEGIN).size(), "one slice per block");
        assertEquals(blocks, t.ofType(END).size());
        assertTrue(t.ofType(BEGIN).stream().allMatch(e -> e.categories().equals(List.of("block"))
                && e.args().keySet().containsAll(List.of("request", "task", "outcome", "slack_ms"))));
        assertEquals(PerfettoTraceTest.rows(dir.resolve("requests.csv")).size(), count(t, INSTANT, "arrival"));
        assertEquals(result.frames().dropped(), count(t, INSTANT, "drop"));
        assertEquals(1, count(t, INSTANT, "run"));
        assertTrue(t.ofType("TYPE_COUNTER").size() > 100, "counters");
        Set<String> groups = t.tracks.values().stream().filter(i -> i.parent() != 0).map(i -> i.name())
                .collect(Collectors.toSet());
        assertTrue(groups.containsAll(List.of("acc0", "acc1", "requests", "utilisation", "queued")), groups.toString());
        assertTrue(t.events.stream().allMatch(e -> e.ts() >= 0 && e.ts() <= result.simulatedNs()));
    }

    /** The target in small: a 1 s window of AR_Assistant on Quad_8K. */
    @Test
    void aWindowOfTheHeaviestScenarioKeepsExactlyItsBlocks(@TempDir Path dir) throws IOException {
        long from = 1_000_000_000L;
        long to = 2_000_000_000L;
        SimRuns.run(new SimRuns.Probe(), AR, QUAD, "edf", 3_000_000_000L, Map.of(TraceOptions.WINDOW, "1s..2s"),
                List.of("trace", "csv"), dir);
        PerfettoSchemaCheck t = PerfettoSchemaCheck.read(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertClean(t);
        long inWindow = 0;
        for (String[] b : PerfettoTraceTest.rows(dir.resolve("blocks.csv"))) {
            long start = PerfettoTraceTest.ns(b[6]);
            long end = PerfettoTraceTest.ns(b[7]);
            if (end > start ? end > from && start < to : start >= from && start < to) {
                inWindow++;
            }
        }
        assertTrue(inWindow > 1_000, "blocks in the window " + inWindow);
        assertEquals(inWindow, t.ofType(BEGIN).size(), "slices = blocks overlapping the window");
        assertEquals(inWindow, t.ofType(END).size());
        long arrivals = PerfettoTraceTest.rows(dir.resolve("requests.csv")).stream()
                .filter(r -> PerfettoTraceTest.ns(r[5]) >= from && PerfettoTraceTest.ns(r[5]) < to).count();
        assertEquals(arrivals, count(t, INSTANT, "arrival"));
        assertTrue(t.events.stream().allMatch(e -> e.ts() >= from && e.ts() <= to), "every event inside the window");
    }

    @Test
    void aCappedTraceIsStillReadAsMeant(@TempDir Path dir) throws IOException {
        long cap = 20_000;
        SimRuns.run(new SimRuns.Probe(), VR, DUAL, "edf", 2_000_000_000L,
                Map.of("blockLayers", "8", TraceOptions.MAX_BYTES, Long.toString(cap)), List.of("trace"), dir);
        Path file = dir.resolve(TraceReporter.PERFETTO_FILE);
        assertTrue(Files.size(file) <= cap, "size " + Files.size(file));
        PerfettoSchemaCheck t = PerfettoSchemaCheck.read(file);
        assertClean(t);
        assertEquals("trace truncated", t.events.get(t.events.size() - 1).name(), "the cut is marked last");
        assertTrue(t.ofType(BEGIN).size() > 20);
        assertEquals(t.ofType(BEGIN).size(), t.ofType(END).size(), "open slices ended at the cut");
    }

    @Test
    void aHotSwapIsAnInstantOnTheSchedulerTrack(@TempDir Path dir) throws IOException {
        RunConfig c = new RunConfig("s", "p", "fcfs", 1, 0, false, Map.of(), List.of());
        Model m = Model.of("M", "", List.of(Layer.conv("l0", 1, 1, 1, 1, 1, 1, 1)));
        Scenario s = new Scenario("s", "", List.of(m), List.of(Task.periodic("T", "M", 10_000_000L)), List.of(),
                100_000_000L);
        Platform p = new Platform("p", "", List.of(Accelerator.builder("acc0", "table").build()));
        ReportSession session = new TraceReporter().open(new RunInfo(c, s, p, "test"), dir);
        session.onSwap(new SchedulerSwap(42_500_000L, "fcfs", "rtmm-scheduler-classic", "0.1.0", "dream",
                "rtmm-scheduler-dream", "0.2.0", Map.of("alpha", "0.5")));
        session.finish(new RunResult(c, "test", 100_000_000L, new FrameCounts(0, 0, 0, 0, 0), 0, List.of(),
                Map.of()));
        PerfettoSchemaCheck t = PerfettoSchemaCheck.read(dir.resolve(TraceReporter.PERFETTO_FILE));
        assertClean(t);
        List<PerfettoSchemaCheck.Event> swaps = t.ofType(INSTANT).stream()
                .filter(e -> "swap fcfs -> dream".equals(e.name())).toList();
        assertEquals(1, swaps.size(), t.events.toString());
        assertEquals("scheduler", t.trackName(swaps.get(0).track()));
        assertEquals(42_500_000L, swaps.get(0).ts());
    }

    /**
     * The check fails on the defects a hand-written encoder can have: each case edits one packet of a clean trace
     * (protobuf-java's UnknownFieldSet, numbers taken from Perfetto's schema by name) and expects the problem named.
     */
    @Test
    void theCheckFindsWriterDefects(@TempDir Path dir) throws IOException {
        SimRuns.run(new SimRuns.Probe(), VR, DUAL, "edf", 1_000_000_000L, Map.of("blockLayers", "8"),
                List.of("trace"), dir);
        byte[] clean = Files.readAllBytes(dir.resolve(TraceReporter.PERFETTO_FILE));
        PerfettoSchemaCheck read = PerfettoSchemaCheck.read(clean);
        assertClean(read);
        Set<Long> parents = read.tracks.values().stream().map(PerfettoSchemaCheck.TrackInfo::parent)
                .collect(Collectors.toSet());
        PerfettoSchema schema = PerfettoSchema.load();
        Descriptor packet = schema.packet;
        Descriptor event = schema.message("TrackEvent");
        Descriptor annotation = schema.message("DebugAnnotation");
        int trackEvent = PerfettoSchema.field(packet, "track_event").getNumber();
        int trackDescriptor = PerfettoSchema.field(packet, "track_descriptor").getNumber();
        int interned = PerfettoSchema.field(packet, "interned_data").getNumber();
        int flags = PerfettoSchema.field(packet, "sequence_flags").getNumber();
        int trackUuid = PerfettoSchema.field(event, "track_uuid").getNumber();
        int extraCounterValues = PerfettoSchema.field(event, "extra_counter_values").getNumber();
        int type = PerfettoSchema.field(event, "type").getNumber();
        int flowIds = PerfettoSchema.field(event, "flow_ids").getNumber();
        int annotations = PerfettoSchema.field(event, "debug_annotations").getNumber();
        int annotationNameIid = PerfettoSchema.field(annotation, "name_iid").getNumber();
        int annotationName = PerfettoSchema.field(annotation, "name").getNumber();
        int stringValueIid = PerfettoSchema.field(annotation, "string_value_iid").getNumber();
        int protoTypeNameIid = PerfettoSchema.field(annotation, "proto_type_name_iid").getNumber();
        int unused = 1;
        while (packet.findFieldByNumber(unused) != null || packet.isExtensionNumber(unused)
                || packet.isReservedNumber(unused)) {
            unused++;
        }
        int free = unused;
        Predicate<UnknownFieldSet> anyEvent = p -> p.hasField(trackEvent);
        Predicate<UnknownFieldSet> flowStart = p -> anyEvent.test(p) && first(p, trackEvent).hasField(flowIds);
        Predicate<UnknownFieldSet> namedAnnotation = p -> anyEvent.test(p)
                && first(p, trackEvent).hasField(annotations)
                && first(first(p, trackEvent), annotations).hasField(annotationNameIid);
        Predicate<UnknownFieldSet> internedValue = p -> anyEvent.test(p)
                && all(first(p, trackEvent), annotations).stream().anyMatch(a -> a.hasField(stringValueIid));
        Descriptor track = schema.message("TrackDescriptor");
        int uuid = PerfettoSchema.field(track, "uuid").getNumber();
        int parentUuid = PerfettoSchema.field(track, "parent_uuid").getNumber();
        Predicate<UnknownFieldSet> leafTrack = p -> p.hasField(trackDescriptor)
                && first(p, trackDescriptor).hasField(parentUuid)
                && !parents.contains(first(p, trackDescriptor).getField(uuid).getVarintList().get(0));
        List<Executable> cases = List.of(
                expect("track_uuid written under another number of the same wire type (12: extra_counter_values)",
                        clean, anyEvent, p -> nested(p, trackEvent, e -> rename(e, trackUuid, extraCounterValues)),
                        "track_event without track_uuid"),
                expect("flow_ids (fixed64) written as varints", clean, flowStart,
                        p -> nested(p, trackEvent, e -> asVarints(e, flowIds)), "holds a wire type"),
                expect("interned_data under a number TracePacket does not have (" + free + ")", clean,
                        p -> p.hasField(interned), p -> rename(p, interned, free), "is not in Perfetto's schema"),
                expect("an event type the enum does not have", clean, anyEvent,
                        p -> nested(p, trackEvent, e -> e.toBuilder().addField(type,
                                UnknownFieldSet.Field.newBuilder().addVarint(99).build()).build()),
                        "holds a wire type or enum value"),
                expect("the first packet without SEQ_INCREMENTAL_STATE_CLEARED", clean, p -> true,
                        p -> p.toBuilder().clearField(flags).build(), "lacks SEQ_INCREMENTAL_STATE_CLEARED"),
                expect("an annotation with both name_iid and name (one oneof)", clean, namedAnnotation,
                        p -> nested(p, trackEvent, e -> nested(e, annotations, a -> a.toBuilder().addField(
                                annotationName, UnknownFieldSet.Field.newBuilder()
                                        .addLengthDelimited(ByteString.copyFromUtf8("x")).build()).build())),
                        "read back as"),
                expect("string_value_iid written under another uint64 number (13: proto_type_name_iid)", clean,
                        internedValue, p -> nested(p, trackEvent, e -> each(e, annotations,
                                a -> a.hasField(stringValueIid) ? rename(a, stringValueIid, protoTypeNameIid) : a)),
                        "with 0 values"),
                expect("a lane described under another uuid than its events use", clean, leafTrack,
                        p -> nested(p, trackDescriptor, d -> d.toBuilder().addField(uuid,
                                UnknownFieldSet.Field.newBuilder().addVarint(987_654_321L).build()).build()),
                        "before (or without) its track_descriptor"));
        assertAll(cases);
    }

    private static Executable expect(String defect, byte[] clean, Predicate<UnknownFieldSet> which,
                                     UnaryOperator<UnknownFieldSet> edit, String problem) {
        return () -> {
            PerfettoSchemaCheck t = PerfettoSchemaCheck.read(editFirst(clean, which, edit));
            assertTrue(t.problems.stream().anyMatch(p -> p.contains(problem)),
                    defect + ": expected a problem with '" + problem + "', found " + t.problems.subList(0,
                            Math.min(5, t.problems.size())));
        };
    }

    /** @return the trace with the first packet that {@code which} accepts replaced by {@code edit} of it */
    private static byte[] editFirst(byte[] trace, Predicate<UnknownFieldSet> which, UnaryOperator<UnknownFieldSet> edit)
            throws IOException {
        List<ByteString> packets = UnknownFieldSet.parseFrom(trace).getField(1).getLengthDelimitedList();
        UnknownFieldSet.Field.Builder out = UnknownFieldSet.Field.newBuilder();
        boolean done = false;
        for (ByteString b : packets) {
            UnknownFieldSet p = UnknownFieldSet.parseFrom(b);
            if (!done && which.test(p)) {
                p = edit.apply(p);
                done = true;
            }
            out.addLengthDelimited(p.toByteString());
        }
        assertTrue(done, "no packet to edit");
        return UnknownFieldSet.newBuilder().addField(1, out.build()).build().toByteArray();
    }

    private static UnknownFieldSet first(UnknownFieldSet m, int field) {
        try {
            return UnknownFieldSet.parseFrom(m.getField(field).getLengthDelimitedList().get(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code m} with its first message in {@code field} replaced by {@code edit} of it */
    private static UnknownFieldSet nested(UnknownFieldSet m, int field, UnaryOperator<UnknownFieldSet> edit) {
        List<ByteString> values = new ArrayList<>(m.getField(field).getLengthDelimitedList());
        values.set(0, edit.apply(first(m, field)).toByteString());
        UnknownFieldSet.Field.Builder f = UnknownFieldSet.Field.newBuilder();
        values.forEach(f::addLengthDelimited);
        return m.toBuilder().addField(field, f.build()).build();
    }

    private static List<UnknownFieldSet> all(UnknownFieldSet m, int field) {
        List<UnknownFieldSet> out = new ArrayList<>();
        for (ByteString b : m.getField(field).getLengthDelimitedList()) {
            try {
                out.add(UnknownFieldSet.parseFrom(b));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** @return {@code m} with every message in {@code field} replaced by {@code edit} of it */
    private static UnknownFieldSet each(UnknownFieldSet m, int field, UnaryOperator<UnknownFieldSet> edit) {
        UnknownFieldSet.Field.Builder f = UnknownFieldSet.Field.newBuilder();
        all(m, field).forEach(v -> f.addLengthDelimited(edit.apply(v).toByteString()));
        return m.toBuilder().addField(field, f.build()).build();
    }

    private static UnknownFieldSet rename(UnknownFieldSet m, int from, int to) {
        return m.toBuilder().clearField(from).mergeField(to, m.getField(from)).build();
    }

    private static UnknownFieldSet asVarints(UnknownFieldSet m, int field) {
        UnknownFieldSet.Field.Builder f = UnknownFieldSet.Field.newBuilder();
        m.getField(field).getFixed64List().forEach(f::addVarint);
        return m.toBuilder().addField(field, f.build()).build();
    }
}
