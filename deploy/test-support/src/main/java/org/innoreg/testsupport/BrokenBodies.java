package org.innoreg.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;

/**
 * Request bodies every service must refuse, for an operation of its document: JSON built from the
 * operation's schema and then broken (a required field removed, an unknown field, wrong types, enum
 * values that do not exist, strings over their limit, malformed or truncated JSON, huge bodies),
 * broken CSV and broken workbooks.
 */
final class BrokenBodies {

    /** A body and its Content-Type. */
    record Body(String contentType, byte[] bytes) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ServiceDocument document;
    private final Random random;
    private final HostileValues hostile;

    /**
     * @param random the fuzzer's seeded random, drawn from in the order the bodies are made
     */
    BrokenBodies(ServiceDocument document, Random random) {
        this.document = document;
        this.random = random;
        this.hostile = new HostileValues(random);
    }

    /** A broken body of a type the operation takes; null when it takes none. */
    Body of(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            return new Body(
                    "application/json",
                    brokenJson(content.path("application/json").path("schema")));
        } else if (content.has(XLSX) && (!content.has("text/csv") || random.nextBoolean())) {
            return new Body(XLSX, brokenWorkbook());
        } else if (content.has("text/csv")) {
            return new Body("text/csv; charset=UTF-8", brokenCsv());
        }
        return null;
    }

    /**
     * A body built from the schema, with one defect the service must refuse and up to three more.
     */
    private byte[] brokenJson(JsonNode schema) {
        JsonNode resolved = document.resolve(schema);
        JsonNode base = document.example(resolved, 0);
        int kind = random.nextInt(12);
        switch (kind) {
            case 0:
                return truncated(base.toString());
            case 1:
                return hostile.sample(
                                Arbitraries.of(
                                        "[]",
                                        "\"x\"",
                                        "42",
                                        "null",
                                        "true",
                                        "",
                                        " ",
                                        "{",
                                        "}",
                                        "{\"a\":}",
                                        "{'a':1}"))
                        .getBytes(StandardCharsets.UTF_8);
            case 2:
                return ("{\"a\":" + "[".repeat(5_000 + random.nextInt(20_000)) + "]".repeat(10))
                        .getBytes(StandardCharsets.UTF_8);
            case 3:
                return new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', (byte) 0xFF, '}'};
            case 4:
                return (base + "{}").getBytes(StandardCharsets.UTF_8);
            default:
                break;
        }
        if (!(base instanceof ObjectNode object)) {
            return truncated(base.toString());
        }
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        // The defect that makes the request certainly invalid.
        if (!required.isEmpty() && random.nextBoolean()) {
            object.remove(required.get(random.nextInt(required.size())));
        } else {
            object.set("unexpected" + random.nextInt(1000), NODES.textNode(hostile.string()));
        }
        // And some hostile values elsewhere.
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        for (int i = random.nextInt(4); i > 0 && !fields.isEmpty(); i--) {
            String field = fields.get(random.nextInt(fields.size()));
            JsonNode property = document.resolve(resolved.path("properties").path(field));
            object.set(field, hostileValue(property));
        }
        if (random.nextInt(40) == 0) {
            object.put("padding", "x".repeat(2_000_000)); // a couple of megabytes
        }
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode hostileValue(JsonNode property) {
        String type = property.path("type").asText("");
        return switch (random.nextInt(6)) {
            case 0 -> NODES.textNode(hostile.string());
            case 1 -> rawNumber(hostile.number());
            case 2 -> NODES.objectNode().put("nested", hostile.string());
            case 3 -> NODES.arrayNode().add(hostile.string()).add(NODES.nullNode());
            case 4 ->
                    property.has("enum")
                            ? NODES.textNode(
                                    "NOT_"
                                            + hostile.sample(
                                                    Arbitraries.strings().alpha().ofLength(6)))
                            : property.has("maxLength")
                                    ? NODES.textNode(
                                            "长"
                                                    .repeat(
                                                            property.path("maxLength").asInt()
                                                                    + 1
                                                                    + random.nextInt(500)))
                                    : NODES.nullNode();
            default ->
                    type.equals("string")
                            ? NODES.textNode(hostile.string())
                            : NODES.booleanNode(random.nextBoolean());
        };
    }

    private static JsonNode rawNumber(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return NODES.textNode(text);
        }
    }

    private byte[] truncated(String json) {
        int cut = json.isEmpty() ? 0 : random.nextInt(Math.max(1, json.length() - 1));
        return json.substring(0, cut).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A workbook of invalid rows, or one cut short, damaged, of unknown columns, or junk that
     * starts as a zip does.
     */
    private byte[] brokenWorkbook() {
        // what a cell may hold: no control characters, at most Excel's 32,767 characters
        String cell = hostile.string().replaceAll("\\p{Cntrl}", "");
        cell = cell.substring(0, Math.min(cell.length(), 32_767));
        byte[] workbook =
                Workbooks.xlsx(
                        List.of(
                                Workbooks.row("名称", "类型", "级别", "地区代码", "认定日期"),
                                Workbooks.row(
                                        cell, "宇宙飞船", -1e300, cell, LocalDate.of(1900, 1, 1))),
                        random.nextBoolean());
        switch (random.nextInt(5)) {
            case 0:
                return workbook;
            case 1:
                return Arrays.copyOf(workbook, random.nextInt(workbook.length));
            case 2:
                byte[] damaged = workbook.clone();
                for (int i = 0; i < 1 + random.nextInt(16); i++) {
                    damaged[4 + random.nextInt(damaged.length - 4)] ^=
                            (byte) (1 + random.nextInt(255));
                }
                return damaged;
            case 3:
                return Workbooks.xlsx(
                        List.of(
                                Workbooks.row(cell.isBlank() ? "colour" : cell, "flavour"),
                                Workbooks.row("x", "y")));
            default:
                byte[] junk = new byte[4 + random.nextInt(4096)];
                random.nextBytes(junk);
                junk[0] = 'P';
                junk[1] = 'K';
                junk[2] = 3;
                junk[3] = 4;
                return junk;
        }
    }

    /**
     * Broken CSV: no rows, unterminated quotes, unknown or missing columns, impossible values,
     * binary junk.
     */
    private byte[] brokenCsv() {
        String cell = hostile.string().replace("\n", " ");
        String csv =
                switch (random.nextInt(8)) {
                    case 0 -> "";
                    case 1 -> "名称,类型\n";
                    case 2 -> "名称,类型\n\"unterminated," + cell + "\n";
                    case 3 -> "colour,flavour\n" + cell + ",x\n";
                    case 4 -> "名称,类型,级别,地区代码\n" + cell + ",宇宙飞船,银河级," + cell + "\n";
                    case 5 -> "\uFEFF名称;类型;级别\n" + cell + ";" + cell + ";" + cell + "\n";
                    case 6 ->
                            "name,kind,regionCode,plannedInvestment\n"
                                    + cell
                                    + ",INDUSTRIAL_INVESTMENT,430703,-1e400\n";
                    default -> "a,b\n" + "x,".repeat(5_000) + "\n";
                };
        if (random.nextInt(10) == 0) {
            byte[] junk = new byte[1 + random.nextInt(4096)];
            random.nextBytes(junk);
            return junk;
        }
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
