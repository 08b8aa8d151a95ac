package org.rtmmlab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rtmmlab.api.InvalidInputException;

class JsonNodeTest {

    private static JsonNode doc(String json) {
        return JsonNode.parse("s.json", new StringReader(json));
    }

    @Test
    void readsValuesAndTracksPaths() {
        JsonNode root = doc("{\"a\":{\"b\":[1,2.5,\"x\",true]}}");
        JsonNode b = root.get("a").get("b");
        assertEquals("$.a.b", b.path());
        assertEquals(1, b.items().get(0).intValue());
        assertEquals(2.5, b.items().get(1).number());
        assertEquals("x", b.items().get(2).string());
        assertTrue(b.items().get(3).bool());
        assertEquals("$.a.b[2]", b.items().get(2).path());
    }

    @Test
    void wrongShapesNameFilePathAndReason() {
        JsonNode root = doc("{\"a\":{\"b\":[1.5,\"x\"]},\"n\":3000000000}");
        assertEquals("s.json: $.a.b[0]: expected an integer, got 1.5",
                assertThrows(InvalidInputException.class, () -> root.get("a").get("b").items().get(0).integer()).getMessage());
        assertEquals("s.json: $.a.b[1]: expected a number",
                assertThrows(InvalidInputException.class, () -> root.get("a").get("b").items().get(1).number()).getMessage());
        assertEquals("s.json: $.a: missing member 'c'",
                assertThrows(InvalidInputException.class, () -> root.get("a").get("c")).getMessage());
        assertEquals("s.json: $.a: expected an array",
                assertThrows(InvalidInputException.class, () -> root.get("a").items()).getMessage());
        assertEquals("s.json: $.n: integer out of range: 3000000000",
                assertThrows(InvalidInputException.class, () -> root.get("n").intValue()).getMessage());
    }

    @Test
    void unknownKeysAndSyntaxErrorsAreRejected() {
        JsonNode root = doc("{\"period\":1,\"perod\":2}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> root.onlyKeys(Set.of("period")));
        assertEquals("s.json: $.perod: unknown key; allowed: period", e.getMessage());
        InvalidInputException syntax = assertThrows(InvalidInputException.class, () -> doc("{\"a\": [1, }"));
        assertTrue(syntax.getMessage().startsWith("s.json: $: malformed JSON"), syntax.getMessage());
    }

    @Test
    void onlyStrictJsonIsAccepted() {
        for (String lenient : new String[] {
            "{\"a\": 1 /* comment */}", "{\"a\": 1} // trailing comment", "{'a': 1}", "{\"a\": abc}",
            "{a: 1}", "{\"a\": NaN}", "{\"a\": 1,}", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1};", ""}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> doc(lenient), lenient);
            assertTrue(e.getMessage().startsWith("s.json: $: malformed JSON"), lenient + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void aKeyGivenTwiceIsAnErrorAtItsPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> doc("{\"tasks\": [{\"fps\": 30, \"model\": \"m\", \"fps\": 60}]}"));
        assertEquals("s.json: $.tasks[0].fps: duplicate key 'fps' (a key may appear once per object)", e.getMessage());
        assertEquals(1e-3, doc("{\"x\": 1e-3}").get("x").number(), 0, "exponents and decimals still parse");
        assertEquals(-7, doc("[-7]").items().get(0).integer());
    }

    @Test
    void relocatesRecordErrorsBelowTheNode() {
        JsonNode task = doc("{\"tasks\":[{}]}").get("tasks").items().get(0);
        InvalidInputException fromRecord = new InvalidInputException("", "periodNs", "must be > 0, got -1");
        assertEquals("s.json: $.tasks[0].periodNs: must be > 0, got -1", task.relocate(fromRecord).getMessage());
    }

    @Test
    void readValueReadsOnePartOfAStreamedDocumentAtItsPath() throws java.io.IOException {
        com.google.gson.stream.JsonReader in = new com.google.gson.stream.JsonReader(
                new StringReader("{\"skip\":[1,{\"x\":2}],\"keep\":{\"a\":[1,2.5]},\"bad\":{\"k\":1,\"k\":2}}"));
        in.setStrictness(com.google.gson.Strictness.STRICT);
        in.beginObject();
        assertEquals("skip", in.nextName());
        in.skipValue();
        assertEquals("keep", in.nextName());
        JsonNode keep = JsonNode.readValue("f.json", in);
        assertEquals("$.keep", keep.path());
        assertEquals("$.keep.a[1]", keep.get("a").items().get(1).path());
        assertEquals(2.5, keep.get("a").items().get(1).number());
        assertEquals("bad", in.nextName());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonNode.readValue("f.json", in));
        assertEquals("f.json", e.source());
        assertEquals("$.bad.k", e.path());
    }
}
